import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'crypto';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { Clock, DomainError } from '@opvolging/shared';
import { AuthService } from './auth.service';
import { refreshTokenRepository as tokens } from './refresh-token.repository';
import { User } from './user.entity';
import { userRepository } from './user.repository';

export type { RevokedReason } from './refresh-token.repository';

/**
 * How long a just-rotated refresh token may still be exchanged, once, for the same successor: two
 * tabs (or a retried request) refreshing at once must not look like a stolen token.
 */
export const REFRESH_GRACE_SECONDS = 10;

/** A browser session's refresh secret (for the cookie) and its absolute end. */
export interface SessionStart {
  refreshToken: string;
  sessionExpiresAt: Date;
}

export interface RefreshResult extends SessionStart {
  accessToken: string;
  expiresAt: Date;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

/** The successor, readable only with the predecessor's secret (whose hash alone is stored). */
function seal(successor: string, predecessor: string): string {
  const key = createHash('sha256').update(`opvolging-refresh-seal:${predecessor}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function unseal(sealed: string, predecessor: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const key = createHash('sha256').update(`opvolging-refresh-seal:${predecessor}`).digest();
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Undefined when the sealed text does not open with this token (it was altered): then it is no grace. */
function unsealed(sealed: string, predecessor: string): string | undefined {
  try {
    return unseal(sealed, predecessor);
  } catch {
    return undefined;
  }
}

/**
 * Browser sessions that last a working day with short access tokens: a sign-in starts a family of
 * rotating refresh tokens with an absolute end (SESSION_MAX_HOURS). Every refresh replaces the
 * token; presenting a replaced one again (outside the grace window) means it was copied, so the
 * whole family is revoked. A family also ends when the account's token version moves on (sign out
 * everywhere, a role or organisation change, disabling, a password change or reset) or the account
 * is disabled: access tokens and refresh families are revoked by the same rule.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A new family for an account that has just proved who it is (password or OIDC). */
  async start(user: Pick<User, 'id' | 'tokenVersion'>): Promise<SessionStart> {
    const now = this.clock.now();
    const sessionExpiresAt = new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3600_000);
    const refreshToken = newSecret();
    await this.db.transaction(null, ({ em }) =>
      tokens.insert(em, randomUUID(), user.id, user.tokenVersion, hash(refreshToken), now, sessionExpiresAt),
    );
    return { refreshToken, sessionExpiresAt };
  }

  /** A new access token and the next refresh token, for a refresh token that is still good. */
  async refresh(refreshToken: string | undefined): Promise<RefreshResult> {
    if (!refreshToken) throw DomainError.unauthenticated('No session: sign in again.');
    const now = this.clock.now();
    // A refusal that revokes must commit its revocation, so the transaction returns it instead of throwing.
    const outcome = await this.db.transaction(null, async ({ em }) => {
      const row = await tokens.lock(em, hash(refreshToken));
      if (!row || row.revoked_at) return { refused: 'This session has ended: sign in again.' };
      if (row.expires_at.getTime() <= now.getTime()) return { refused: 'This session has reached its maximum length: sign in again.' };
      const user = await userRepository.find(em, row.user_id);
      if (!user || !user.active || user.tokenVersion !== row.token_version) {
        await tokens.revokeFamily(em, row.family_id, now, 'ACCOUNT_CHANGED');
        return { refused: 'This session is no longer valid: sign in again.' };
      }
      if (!row.rotated_at) {
        const next = newSecret();
        await tokens.markRotated(em, row.id, now, seal(next, refreshToken));
        await tokens.insert(em, row.family_id, row.user_id, row.token_version, hash(next), now, row.expires_at);
        return { user, next, sessionExpiresAt: row.expires_at };
      }
      const withinGrace = now.getTime() - row.rotated_at.getTime() <= REFRESH_GRACE_SECONDS * 1000;
      if (withinGrace && !row.grace_used_at && row.successor_sealed) {
        const successor = unsealed(row.successor_sealed, refreshToken);
        const next = successor ? await tokens.lock(em, hash(successor)) : undefined;
        if (successor && next && !next.revoked_at && !next.rotated_at) {
          await tokens.markGraceUsed(em, row.id, now);
          return { user, next: successor, sessionExpiresAt: row.expires_at };
        }
      }
      await tokens.revokeFamily(em, row.family_id, now, 'REUSED');
      return { refused: 'This session was used from somewhere else and has been ended for safety: sign in again.' };
    });
    if ('refused' in outcome) throw DomainError.unauthenticated(outcome.refused);
    const { accessToken, expiresAt } = await this.auth.issueToken(outcome.user);
    return { accessToken, expiresAt, refreshToken: outcome.next, sessionExpiresAt: outcome.sessionExpiresAt };
  }

  /** Ends the family of this refresh token; an unknown or already ended one is fine (signing out twice). */
  async signOut(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const now = this.clock.now();
    await this.db.transaction(null, async ({ em }) => {
      const row = await tokens.lock(em, hash(refreshToken));
      if (row) await tokens.revokeFamily(em, row.family_id, now, 'SIGNED_OUT');
    });
  }
}
