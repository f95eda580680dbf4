import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { Mailer } from '@opvolging/mail';
import { Actor, Clock, DomainError } from '@opvolging/shared';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { MIN_PASSWORD_LENGTH } from './users.service';

/** How long a reset link works. */
export const RESET_TTL_MINUTES = 30;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Password reset by a mail link that expires, and changing one's own password. */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger(PasswordService.name);

  constructor(
    private readonly db: Database,
    private readonly hasher: PasswordHasher,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Always answers the same, whether or not the address has an account. The link holds a random
   * secret; only its hash is stored, it works once and for RESET_TTL_MINUTES.
   */
  async requestReset(email: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const user = await this.db.transaction(null, async ({ em }) => {
      const found = await em.getRepository(User).findOneBy({ email: email.trim().toLowerCase(), active: true });
      if (!found) return null;
      await em.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [found.id, this.clock.now()]);
      await em.query(`INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
        found.id,
        hash(token),
        new Date(this.clock.now().getTime() + RESET_TTL_MINUTES * 60_000),
      ]);
      return found;
    });
    if (!user) return;
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/reset-password#token=${token}`;
    const nl = user.locale === 'nl';
    try {
      await this.mailer.send({
        to: user.email,
        language: user.locale,
        messageId: `reset-${hash(token).slice(0, 24)}`,
        subject: nl ? 'Opvolging: nieuw wachtwoord instellen' : 'Opvolging: set a new password',
        text: nl
          ? `Iemand (hopelijk u) vroeg een nieuw wachtwoord aan voor ${user.email}.\n\nStel binnen ${RESET_TTL_MINUTES} minuten een nieuw wachtwoord in via:\n${link}\n\nVroeg u dit niet aan? Dan kunt u dit bericht negeren; uw wachtwoord blijft ongewijzigd.`
          : `Someone (hopefully you) asked for a new password for ${user.email}.\n\nSet a new password within ${RESET_TTL_MINUTES} minutes at:\n${link}\n\nDid not ask for this? Ignore this message; your password stays as it is.`,
      });
    } catch (error) {
      // Nothing secret in the log line; the user can ask again.
      this.logger.warn(`password reset mail could not be sent: ${(error as Error).message}`);
    }
  }

  /** Sets a new password with a reset link's secret; ends every session and lifts a lock-out. */
  async reset(token: string, newPassword: string): Promise<void> {
    checkStrength(newPassword, 'input.newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.transaction(null, async ({ em }) => {
      const [row] = await em.query(
        `SELECT id, user_id FROM password_reset_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE`,
        [hash(token), this.clock.now()],
      );
      if (!row) {
        throw DomainError.badInput('This reset link is invalid, was already used, or has expired: ask for a new one.', [{ path: 'input.token', message: 'invalid or expired' }]);
      }
      await em.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE id = $1`, [row.id, this.clock.now()]);
      await em.query(
        `UPDATE users SET password_hash = $2, token_version = token_version + 1, failed_sign_ins = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
        [row.user_id, passwordHash],
      );
    });
  }

  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    checkStrength(newPassword, 'input.newPassword');
    const user = await this.db.transaction(actor, ({ em }) =>
      em.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: actor.userId }).getOne(),
    );
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw DomainError.badInput('The current password is not correct.', [{ path: 'input.currentPassword', message: 'incorrect' }]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    // Other sessions end; the caller signs in again with the new password.
    await this.db.transaction(actor, ({ em }) =>
      em.query(`UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`, [actor.userId, passwordHash]),
    );
  }
}

function checkStrength(password: string, path: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw DomainError.badInput(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, [{ path, message: `at least ${MIN_PASSWORD_LENGTH} characters` }]);
  }
}
