import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { Actor, Clock, DomainError } from '@opvolging/shared';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { userRepository } from './user.repository';

interface TokenClaims {
  sub: string;
  /** The account's token version when issued; a raised version revokes the token. */
  tv: number;
}

/** Failed sign-ins in a row before the account locks (OWASP: lock-out with back-off). */
export const LOCKOUT_AFTER = 5;

export interface SignInResult {
  accessToken: string;
  expiresAt: Date;
  user: User;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * E-mail and password. After LOCKOUT_AFTER failures in a row the account is locked, first for a
   * minute, doubling with every further failure up to an hour; while locked the password is not
   * even checked. Every failure answers the same, so the answer tells nobody which accounts exist.
   */
  async signIn(email: string, password: string): Promise<SignInResult> {
    const refused = () =>
      DomainError.unauthenticated('The e-mail address or password is incorrect, or the account is disabled or temporarily locked.');
    const user = await this.db.transaction(null, (tx) => userRepository.forSignIn(tx.em, email.trim().toLowerCase()));
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      await this.hasher.verify(null, password); // same time as a real check
      throw refused();
    }
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      if (user) await this.recordFailure(user.id, now);
      throw refused();
    }
    if (user.failedSignIns > 0 || user.lockedUntil) {
      await this.db.transaction(null, ({ em }) => userRepository.update(em, user.id, { failedSignIns: 0, lockedUntil: null }));
    }
    return this.issueToken(user);
  }

  /** Our own short-lived bearer token for an account that has proved who it is (password or OIDC). */
  async issueToken(user: User): Promise<SignInResult> {
    delete (user as Partial<User>).passwordHash;
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAtSeconds = nowSeconds + this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: TokenClaims = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync({ ...claims, iat: nowSeconds, exp: expiresAtSeconds });
    return { accessToken, expiresAt: new Date(expiresAtSeconds * 1000), user };
  }

  /** Raises the token version: every token issued before stops working ("sign out everywhere"). */
  async signOutEverywhere(actor: Actor): Promise<boolean> {
    await this.db.transaction(actor, ({ em }) => userRepository.raiseTokenVersion(em, actor.userId));
    return true;
  }

  private async recordFailure(userId: string, now: Date): Promise<void> {
    await this.db.transaction(null, async ({ em }) => {
      // Counted in one UPDATE, so parallel attempts cannot slip past the limit.
      await userRepository.recordFailedSignIn(em, userId, LOCKOUT_AFTER, now);
    });
  }

  /** The acting user behind a bearer token: valid signature, not expired, not revoked, account active. */
  async authenticate(token: string): Promise<Actor> {
    return (await this.authenticateUser(token)).actor;
  }

  /** `authenticate`, with the account as read for the check (the API primes the request's user loader with it). */
  async authenticateUser(token: string): Promise<{ actor: Actor; user: User }> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw DomainError.unauthenticated(
        expired ? 'Your session has expired: sign in again.' : 'The bearer token is not valid: sign in again.',
      );
    }
    // One statement in one round trip (this runs for every request), prepared on its connection like every read.
    const user = await this.db.read(null, ({ em }) => userRepository.tokenState(em, claims.sub));
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw DomainError.unauthenticated('This session is no longer valid: sign in again.');
    }
    return { actor: { userId: user.id, role: user.role, organisationId: user.organisationId }, user };
  }
}
