import { EntityManager } from 'typeorm';
import { returnedRows } from '@opvolging/database';

/** The SQL of password_reset_tokens (only hashes of the secrets are stored). */
export const passwordResetRepository = {
  /** Earlier links of the account stop working. */
  async useAll(em: EntityManager, userId: string, now: Date): Promise<void> {
    await em.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [userId, now]);
  },

  async insert(em: EntityManager, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await em.query(`INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      userId,
      tokenHash,
      expiresAt,
    ]);
  },

  /** An unused, unexpired link, locked. */
  async lockValid(em: EntityManager, tokenHash: string, now: Date): Promise<{ id: string; user_id: string } | undefined> {
    const [row] = await em.query(
      `SELECT id, user_id FROM password_reset_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE`,
      [tokenHash, now],
    );
    return row;
  },

  async markUsed(em: EntityManager, id: string, now: Date): Promise<void> {
    await em.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE id = $1`, [id, now]);
  },

  /** Used and expired links created more than `days` ago. */
  async deleteOld(em: EntityManager, now: Date, days: number): Promise<number> {
    return returnedRows(
      await em.query(
        `DELETE FROM password_reset_tokens WHERE (used_at IS NOT NULL OR expires_at < $1) AND created_at < $1::timestamptz - ` +
          `make_interval(days => $2) RETURNING id`,
        [now, days],
      ),
    ).length;
  },
};
