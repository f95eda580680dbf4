import { EntityManager } from 'typeorm';
import { returnedRows } from '@opvolging/database';

export type RevokedReason = 'SIGNED_OUT' | 'REUSED' | 'ACCOUNT_CHANGED';

export interface TokenRow {
  id: string;
  family_id: string;
  user_id: string;
  token_version: number;
  expires_at: Date;
  rotated_at: Date | null;
  successor_sealed: string | null;
  grace_used_at: Date | null;
  revoked_at: Date | null;
}

/** The SQL of refresh_tokens (by the hash of the secret). Rows are credentials: only the system (no acting user) may touch them. */
export const refreshTokenRepository = {
  async insert(
    em: EntityManager,
    familyId: string,
    userId: string,
    tokenVersion: number,
    tokenHash: string,
    now: Date,
    expiresAt: Date,
  ): Promise<void> {
    await em.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_version, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [familyId, userId, tokenVersion, tokenHash, now, expiresAt],
    );
  },

  /** The token under a row lock, so two refreshes with one token are handled one after the other. */
  async lock(em: EntityManager, tokenHash: string): Promise<TokenRow | undefined> {
    const [row] = await em.query(
      `SELECT id, family_id, user_id, token_version, expires_at, rotated_at, successor_sealed, grace_used_at, revoked_at
         FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return row;
  },

  async markRotated(em: EntityManager, id: string, now: Date, successorSealed: string): Promise<void> {
    await em.query(`UPDATE refresh_tokens SET rotated_at = $2, successor_sealed = $3 WHERE id = $1`, [id, now, successorSealed]);
  },

  async markGraceUsed(em: EntityManager, id: string, now: Date): Promise<void> {
    // The sealed successor is not needed any more: nothing can be exchanged a third time.
    await em.query(`UPDATE refresh_tokens SET grace_used_at = $2, successor_sealed = NULL WHERE id = $1`, [id, now]);
  },

  async revokeFamily(em: EntityManager, familyId: string, now: Date, reason: RevokedReason): Promise<number> {
    const rows = returnedRows(
      await em.query(
        `UPDATE refresh_tokens SET revoked_at = $2, revoked_reason = $3, successor_sealed = NULL
          WHERE family_id = $1 AND revoked_at IS NULL RETURNING id`,
        [familyId, now, reason],
      ),
    );
    return rows.length;
  },

  /** Tokens of sessions that ended (expired, revoked, signed out) more than `days` ago. */
  async deleteEnded(em: EntityManager, now: Date, days: number): Promise<number> {
    return returnedRows(
      await em.query(
        `DELETE FROM refresh_tokens WHERE least(coalesce(revoked_at, expires_at), expires_at) < $1::timestamptz - ` +
          `make_interval(days => $2) RETURNING id`,
        [now, days],
      ),
    ).length;
  },
};
