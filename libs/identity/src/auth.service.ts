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

/** How many verified tokens a process remembers (the oldest forgotten first): a few MiB at most. */
export const VERIFIED_TOKENS_KEPT = 10_000;

/** Failed sign-ins in a row before the account locks (OWASP: lock-out with back-off). */
export const LOCKOUT_AFTER = 5;

export interface SignInResult {
  accessToken: string;
  expiresAt: Date;
  user: User;
}

@Injectable()
export class AuthService {
  /**
   * Tokens whose signature this process has verified, by their exact text, with their claims and
   * expiry. The same token comes with every request of a session: its HMAC, base64 and JSON work is
   * done once, and its expiry is still checked against the clock at each use. Only a byte-identical
   * token is found here, so a changed signature or payload is verified (and refused) as before; the
   * account check (active, token version) runs for every request either way. In memory of each
   * process only: another replica verifies the token itself.
   */
  private readonly verified = new Map<string, TokenClaims & { exp: number }>();

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

  /** The token's claims once its signature and expiry hold (see `verified`); UNAUTHENTICATED otherwise. */
  private async verifiedClaims(token: string): Promise<TokenClaims> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verified.get(token);
    if (known && now < known.exp) return known;
    this.verified.delete(token);
    let claims: TokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token, { clockTimestamp: now });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw DomainError.unauthenticated(
        expired ? 'Your session has expired: sign in again.' : 'The bearer token is not valid: sign in again.',
      );
    }
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { sub: claims.sub, tv: claims.tv, exp: claims.exp });
    }
    return claims;
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
    const claims = await this.verifiedClaims(token);
    // One statement in one round trip (this runs for every request), prepared on its connection like every read.
    const user = await this.db.read(null, ({ em }) => userRepository.tokenState(em, claims.sub));
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw DomainError.unauthenticated('This session is no longer valid: sign in again.');
    }
    return { actor: { userId: user.id, role: user.role, organisationId: user.organisationId }, user };
  }
}
