import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { Actor, Clock, DomainError } from '@opvolging/shared';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';

interface TokenClaims {
  sub: string;
  /** The account's token version when issued; a raised version revokes the token. */
  tv: number;
}

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

  async signIn(email: string, password: string): Promise<SignInResult> {
    const user = await this.db.transaction(null, (tx) =>
      tx.em
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email: email.trim().toLowerCase() })
        .getOne(),
    );
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      // One message for every failure, so the answer does not tell which accounts exist.
      throw DomainError.unauthenticated('The e-mail address or password is incorrect, or the account is disabled.');
    }
    delete (user as Partial<User>).passwordHash;
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAtSeconds = nowSeconds + this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: TokenClaims = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync({ ...claims, iat: nowSeconds, exp: expiresAtSeconds });
    return { accessToken, expiresAt: new Date(expiresAtSeconds * 1000), user };
  }

  /** The acting user behind a bearer token: valid signature, not expired, not revoked, account active. */
  async authenticate(token: string): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw DomainError.unauthenticated(expired ? 'Your session has expired: sign in again.' : 'The bearer token is not valid: sign in again.');
    }
    const user = await this.db.transaction(null, (tx) => tx.em.getRepository(User).findOneBy({ id: claims.sub }));
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw DomainError.unauthenticated('This session is no longer valid: sign in again.');
    }
    return { userId: user.id, role: user.role, organisationId: user.organisationId };
  }
}
