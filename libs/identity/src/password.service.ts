import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { Mailer } from '@opvolging/mail';
import { Actor, Clock, DomainError } from '@opvolging/shared';
import { PasswordHasher } from './password-hasher';
import { passwordResetRepository } from './password-reset.repository';
import { userRepository } from './user.repository';
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
      const found = await userRepository.activeByEmail(em, email.trim().toLowerCase());
      if (!found) return null;
      await passwordResetRepository.useAll(em, found.id, this.clock.now());
      await passwordResetRepository.insert(em, found.id, hash(token), new Date(this.clock.now().getTime() + RESET_TTL_MINUTES * 60_000));
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
          ? `Iemand (hopelijk u) vroeg een nieuw wachtwoord aan voor ${user.email}.\n\nStel binnen ${RESET_TTL_MINUTES} minuten een ` +
            `nieuw wachtwoord in via:\n${link}\n\nVroeg u dit niet aan? Dan kunt u dit bericht negeren; uw wachtwoord blijft ongewijzigd.`
          : `Someone (hopefully you) asked for a new password for ${user.email}.\n\nSet a new password within ` +
            `${RESET_TTL_MINUTES} minutes at:\n${link}\n\nDid not ask for this? Ignore this message; your password stays as it is.`,
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
      const row = await passwordResetRepository.lockValid(em, hash(token), this.clock.now());
      if (!row) {
        throw DomainError.badInput('This reset link is invalid, was already used, or has expired: ask for a new one.', [
          { path: 'input.token', message: 'invalid or expired' },
        ]);
      }
      await passwordResetRepository.markUsed(em, row.id, this.clock.now());
      await userRepository.resetPassword(em, row.user_id, passwordHash);
    });
  }

  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    checkStrength(newPassword, 'input.newPassword');
    const user = await this.db.transaction(actor, ({ em }) => userRepository.withPasswordHash(em, actor.userId));
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw DomainError.badInput('The current password is not correct.', [{ path: 'input.currentPassword', message: 'incorrect' }]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    // Other sessions end; the caller signs in again with the new password.
    await this.db.transaction(actor, ({ em }) => userRepository.changePassword(em, actor.userId, passwordHash));
  }
}

function checkStrength(password: string, path: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw DomainError.badInput(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, [
      { path, message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}
