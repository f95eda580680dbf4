import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { Redis } from 'ioredis';
import { BaseClient, custom, errors, generators, Issuer } from 'openid-client';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { redisOptions } from '@opvolging/queue';
import { DomainError } from '@opvolging/shared';
import { AuthService, SignInResult } from './auth.service';
import { User } from './user.entity';
import { userRepository } from './user.repository';

/** How long a started sign-in may take at the provider before it must be started again. */
export const OIDC_ATTEMPT_TTL_SECONDS = 600;

/** What the login step hands the browser: where to go, and the secret that binds the attempt to it. */
export interface OidcAttempt {
  authorizationUrl: string;
  /** Goes into an HttpOnly cookie; the callback must bring it back (see OidcService). */
  browserBinding: string;
}

interface StoredAttempt {
  nonce: string;
  codeVerifier: string;
  /** SHA-256 of the browser binding, so a Redis dump gives nobody a usable cookie. */
  bindingHash: string;
}

/** The ID token claims we use; the library has checked signature, iss, aud, exp, iat and nonce. */
interface IdentityClaims {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
}

/** Discovery of the provider failed (unreachable, or its metadata is wrong); the log says why. */
export class OidcProviderUnavailable extends Error {
  constructor() {
    super('The identity provider cannot be reached right now: try again in a moment.');
    this.name = 'OidcProviderUnavailable';
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Sign-in through an external OpenID Connect provider (Keycloak, eHerkenning brokers): the
 * authorization-code flow with PKCE (S256), state and nonce, done by openid-client.
 *
 * Where the attempt lives between /auth/oidc/login and /auth/oidc/callback: in Redis, keyed by
 * state, for OIDC_ATTEMPT_TTL_SECONDS, and taken with GETDEL. Not in process memory, because the
 * callback may reach another API replica; in Redis rather than only in a signed cookie, because
 * then the attempt is single-use on the server side (a replayed callback finds nothing, a cookie
 * could be sent again) and the nonce and PKCE verifier never leave the server. The browser does get
 * a random binding in an HttpOnly, SameSite=Lax cookie that the callback must bring back: without
 * it someone could send a victim a callback link for the attacker's own sign-in (login CSRF).
 *
 * Accounts are never created here (administrators manage them). An identity is found by its link
 * (issuer + subject); an unlinked identity is linked once to the active account with the same
 * e-mail address, and only when the provider says it verified that address.
 */
@Injectable()
export class OidcService implements OnModuleDestroy {
  private readonly logger = new Logger(OidcService.name);
  /** Discovered provider metadata and our client for it: a cache, fetched again after a failure. */
  private client?: Promise<BaseClient>;
  private redis?: Promise<Redis>;

  constructor(
    private readonly config: AppConfig,
    private readonly db: Database,
    private readonly auth: AuthService,
  ) {}

  get enabled(): boolean {
    return this.config.oidcEnabled;
  }

  /** Starts a sign-in: remembers state, nonce and PKCE verifier, and answers where to send the browser. */
  async begin(): Promise<OidcAttempt> {
    this.assertEnabled();
    const client = await this.getClient();
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    const browserBinding = randomBytes(32).toString('base64url');
    const stored: StoredAttempt = { nonce, codeVerifier, bindingHash: sha256(browserBinding) };
    await (await this.getRedis()).set(this.key(state), JSON.stringify(stored), 'EX', OIDC_ATTEMPT_TTL_SECONDS);
    const authorizationUrl = client.authorizationUrl({
      scope: this.config.OIDC_SCOPES,
      redirect_uri: this.config.OIDC_REDIRECT_URL,
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { authorizationUrl, browserBinding };
  }

  /**
   * Completes a sign-in from the callback's query parameters and the browser's binding cookie:
   * exchanges the code, lets openid-client validate the ID token, finds (or links) the account,
   * and issues our own access token for it.
   */
  async complete(query: Record<string, unknown>, browserBinding: string | undefined): Promise<SignInResult> {
    this.assertEnabled();
    const state = typeof query.state === 'string' ? query.state : '';
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(state)) throw this.unknownAttempt();
    const raw = await (await this.getRedis()).getdel(this.key(state)); // single use, whatever follows
    if (!raw) throw this.unknownAttempt();
    const attempt = JSON.parse(raw) as StoredAttempt;
    if (!browserBinding || !safeEqual(sha256(browserBinding), attempt.bindingHash)) {
      throw DomainError.badInput('This sign-in was started in another browser (or its cookie was lost): start again at /auth/oidc/login.');
    }
    if (typeof query.error === 'string') {
      const description = typeof query.error_description === 'string' ? `: ${query.error_description}` : '';
      throw DomainError.unauthenticated(`The identity provider did not sign you in (${query.error}${description}).`);
    }

    const client = await this.getClient();
    let claims: IdentityClaims;
    try {
      const params = client.callbackParams(`/?${new URLSearchParams(stringParams(query))}`);
      const tokens = await client.callback(this.config.OIDC_REDIRECT_URL, params, {
        state,
        nonce: attempt.nonce,
        code_verifier: attempt.codeVerifier,
        response_type: 'code',
      });
      claims = tokens.claims() as IdentityClaims;
      if (claims.email === undefined && tokens.access_token) {
        // Providers that keep scope claims out of the ID token (as the spec suggests) answer them
        // at userinfo; openid-client checks that it speaks of the same subject.
        const info = await client.userinfo(tokens);
        claims = { ...claims, email: info.email, email_verified: info.email_verified };
      }
    } catch (error) {
      if (error instanceof errors.OPError || error instanceof errors.RPError) {
        this.logger.warn(`OIDC callback refused: ${error.message}`);
        throw DomainError.unauthenticated(
          `The identity provider's answer could not be verified (${error.message}): start again at /auth/oidc/login.`,
        );
      }
      if (typeof (error as NodeJS.ErrnoException).code === 'string') {
        this.logger.error(`OIDC token request failed: ${(error as Error).message}`);
        throw new OidcProviderUnavailable(); // ECONNREFUSED, ETIMEDOUT, ...
      }
      throw error;
    }
    const user = await this.findAccount(claims);
    return this.auth.issueToken(user);
  }

  /** By link (issuer + subject); else link the verified e-mail address's account, once. */
  private async findAccount(claims: IdentityClaims): Promise<User> {
    // The user reads the message (with their address); the log gets a reason code only, no personal data.
    const refuse = (message: string, reason = 'refused') => {
      this.logger.log(`OIDC sign-in refused (${reason}) for subject ${claims.sub} of ${claims.iss}`);
      return DomainError.forbidden(message);
    };
    const disabled = 'This account is disabled: ask an administrator to enable it.';
    return this.db.transaction(
      null,
      async ({ em }) => {
        const users = () => userRepository.withOidcLink(em);
        const linked = await users().where('u.oidcIssuer = :iss AND u.oidcSubject = :sub', { iss: claims.iss, sub: claims.sub }).getOne();
        if (linked) {
          if (!linked.active) throw refuse(disabled, 'account disabled');
          return linked;
        }
        const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
        if (!email) {
          throw refuse('The identity provider sent no e-mail address, so no account could be found for you: ask an administrator.');
        }
        if (claims.email_verified !== true) {
          throw refuse(
            `The identity provider has not verified the e-mail address ${email}, so it cannot be linked to an account: verify it ` +
              `there, or ask an administrator.`,
            'e-mail not verified',
          );
        }
        // Locked, so two sign-ins at once cannot link one account twice.
        const user = await users().where('u.email = :email', { email }).setLock('pessimistic_write').getOne();
        if (!user)
          throw refuse(
            `There is no Opvolging account for ${email}. Accounts are created by an administrator: ask one to create yours.`,
            'no account',
          );
        if (!user.active) throw refuse(disabled, 'account disabled');
        if (user.oidcIssuer || user.oidcSubject) {
          throw refuse(`The account for ${email} is already linked to another identity: ask an administrator.`, 'linked elsewhere');
        }
        await userRepository.update(em, user.id, { oidcIssuer: claims.iss, oidcSubject: claims.sub });
        this.logger.log(`Linked account ${user.id} to OIDC identity ${claims.iss} ${claims.sub}`);
        return user;
      },
      { onBehalfOf: 'oidc-sign-in' },
    );
  }

  private getClient(): Promise<BaseClient> {
    this.client ??= this.discover().catch((error) => {
      this.client = undefined;
      this.logger.error(`OIDC discovery of ${this.config.OIDC_ISSUER_URL} failed: ${(error as Error).message}`);
      throw new OidcProviderUnavailable();
    });
    return this.client;
  }

  private async discover(): Promise<BaseClient> {
    const issuer = await Issuer.discover(this.config.OIDC_ISSUER_URL);
    // OpenID Connect Discovery 4.3: the metadata must name the issuer we asked for (mix-up defence).
    const trim = (url: string) => url.replace(/\/+$/, '');
    if (trim(String(issuer.issuer)) !== trim(this.config.OIDC_ISSUER_URL)) {
      throw new Error(`the provider calls itself ${issuer.issuer}, not ${this.config.OIDC_ISSUER_URL}`);
    }
    const client = new issuer.Client({
      client_id: this.config.OIDC_CLIENT_ID,
      client_secret: this.config.OIDC_CLIENT_SECRET,
      redirect_uris: [this.config.OIDC_REDIRECT_URL],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
    client[custom.clock_tolerance] = 5; // seconds of clock skew between us and the provider
    return client;
  }

  private getRedis(): Promise<Redis> {
    this.redis ??= (async () => {
      const redis = new Redis({ ...redisOptions(this.config.REDIS_URL, 'client'), lazyConnect: true });
      redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
      try {
        await redis.connect();
        return redis;
      } catch (error) {
        this.redis = undefined;
        redis.disconnect();
        throw error;
      }
    })();
    return this.redis;
  }

  private key(state: string): string {
    return `${this.config.QUEUE_PREFIX}:oidc-attempt:${state}`;
  }

  private assertEnabled(): void {
    if (!this.enabled) throw DomainError.notFound('OIDC sign-in (not configured on this installation)');
  }

  private unknownAttempt(): DomainError {
    return DomainError.badInput('This sign-in attempt is unknown, expired or already used: start again at /auth/oidc/login.');
  }

  async onModuleDestroy(): Promise<void> {
    const redis = await this.redis?.catch(() => undefined);
    await redis?.quit().catch(() => redis.disconnect());
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function stringParams(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
