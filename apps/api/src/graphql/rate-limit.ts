import { CanActivate, ExecutionContext, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { createHash } from 'crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { Redis } from 'ioredis';
import { AppConfig } from '@opvolging/config';
import { redisOptions } from '@opvolging/queue';
import { DomainError, ErrorCode } from '@opvolging/shared';
import { addressKey } from './client-address';
import { RequestContext } from './request-context';

/** One counter: at most `limit` hits per fixed window of `windowSeconds`, starting at the first hit. */
export interface Bucket {
  /** Distinguishes the counter, e.g. `mutations:account:<id>`; prefixed with `<QUEUE_PREFIX>:ratelimit:`. */
  key: string;
  limit: number;
  windowSeconds: number;
  /** For the error message: what was limited, e.g. "sign-in attempts for this e-mail address". */
  what: string;
}

/**
 * Counts a hit on every key and returns [count, milliseconds left in the window] per key, in one
 * atomic step: INCR, and PEXPIRE when the key is new (or lost its expiry), so a window never grows.
 */
const HIT_SCRIPT = `
local result = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    ttl = tonumber(ARGV[i])
    redis.call('PEXPIRE', key, ttl)
  end
  result[#result + 1] = count
  result[#result + 1] = ttl
end
return result`;

/** Clears the first key and takes one hit back from the second (if its window is still open). */
const REFUND_SCRIPT = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 1`;

type LimitedRedis = Redis & {
  rateLimitHit(numKeys: number, ...keysThenWindowsMs: (string | number)[]): Promise<number[]>;
  rateLimitRefund(numKeys: 2, clear: string, decrement: string): Promise<number>;
};

/**
 * Fixed-window counters in Redis, shared by every API replica. When Redis cannot be reached the
 * request goes through (logged): rate limiting must not take the API down with it.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimiter');
  private readonly redis: LimitedRedis;
  private readonly prefix: string;

  constructor(private readonly config: AppConfig) {
    // Fail fast (one retry, 2 s per command); what is sent while (re)connecting waits for the connection.
    this.redis = new Redis({ ...redisOptions(config.REDIS_URL, 'client'), enableOfflineQueue: true, commandTimeout: 2000 }) as LimitedRedis;
    this.redis.on('error', () => undefined); // reported when a hit fails
    this.redis.defineCommand('rateLimitHit', { lua: HIT_SCRIPT });
    this.redis.defineCommand('rateLimitRefund', { lua: REFUND_SCRIPT });
    this.prefix = `${config.QUEUE_PREFIX}:ratelimit:`;
  }

  /**
   * A sign-in attempt (GraphQL signIn or the dashboard's form), counted per e-mail address and per
   * client address before the password is checked, so a burst of parallel guesses is cut off too.
   */
  signInAttempt(email: string, ip: string | undefined): Promise<void> {
    const c = this.config;
    const windowSeconds = c.RATE_LIMIT_SIGN_IN_WINDOW_SECONDS;
    return this.hit([
      {
        key: this.signInEmailKey(email),
        limit: c.RATE_LIMIT_SIGN_IN_PER_EMAIL,
        windowSeconds,
        what: 'sign-in attempts for this e-mail address',
      },
      {
        key: this.signInAddressKey(ip),
        limit: c.RATE_LIMIT_SIGN_IN_PER_ADDRESS,
        windowSeconds,
        what: 'sign-in attempts from your network address',
      },
    ]);
  }

  /**
   * So only failures add up: a successful sign-in clears the e-mail address' count (as it ends an
   * account lock-out) and gives its attempt back to the address, so an office behind one address
   * whose people sign in all day is not refused.
   */
  async signInSucceeded(email: string, ip: string | undefined): Promise<void> {
    try {
      await this.redis.rateLimitRefund(2, this.prefix + this.signInEmailKey(email), this.prefix + this.signInAddressKey(ip));
    } catch (error) {
      this.logger.error(`Sign-in count not cleared, Redis did not answer: ${(error as Error).message}`);
    }
  }

  private signInEmailKey = (email: string) => `sign-in:email:${emailKey(email)}`;
  private signInAddressKey = (ip: string | undefined) => `sign-in:address:${addressKey(ip)}`;

  /** A password-reset mail, asked for anonymously: bounded like sign-in attempts, so nobody can flood a mailbox. */
  passwordResetRequest(email: string, ip: string | undefined): Promise<void> {
    const c = this.config;
    const windowSeconds = c.RATE_LIMIT_SIGN_IN_WINDOW_SECONDS;
    return this.hit([
      {
        key: `password-reset:email:${emailKey(email)}`,
        limit: c.RATE_LIMIT_SIGN_IN_PER_EMAIL,
        windowSeconds,
        what: 'password-reset requests for this e-mail address',
      },
      {
        key: `password-reset:address:${addressKey(ip)}`,
        limit: c.RATE_LIMIT_SIGN_IN_PER_ADDRESS,
        windowSeconds,
        what: 'password-reset requests from your network address',
      },
    ]);
  }

  /** Any other mutation: counted per client address and, when signed in, per account. */
  mutation(ip: string | undefined, userId: string | undefined): Promise<void> {
    const c = this.config;
    const windowSeconds = c.RATE_LIMIT_MUTATIONS_WINDOW_SECONDS;
    const buckets: Bucket[] = [
      {
        key: `mutations:address:${addressKey(ip)}`,
        limit: c.RATE_LIMIT_MUTATIONS_PER_ADDRESS,
        windowSeconds,
        what: 'changes from your network address',
      },
    ];
    if (userId)
      buckets.push({
        key: `mutations:account:${userId}`,
        limit: c.RATE_LIMIT_MUTATIONS_PER_ACCOUNT,
        windowSeconds,
        what: 'changes by your account',
      });
    return this.hit(buckets);
  }

  /** Counts one hit on every bucket; throws TOO_MANY_REQUESTS naming the bucket that is over its limit. */
  async hit(buckets: Bucket[]): Promise<void> {
    if (!buckets.length) return;
    let reply: number[];
    try {
      reply = await this.redis.rateLimitHit(
        buckets.length,
        ...buckets.map((b) => this.prefix + b.key),
        ...buckets.map((b) => b.windowSeconds * 1000),
      );
    } catch (error) {
      this.logger.error(`Rate limits not checked, Redis did not answer: ${(error as Error).message}`);
      return;
    }
    let worst: { bucket: Bucket; retryAfterSeconds: number } | undefined;
    buckets.forEach((bucket, i) => {
      const [count, ttlMs] = [Number(reply[2 * i]), Number(reply[2 * i + 1])];
      if (count <= bucket.limit) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
      if (!worst || retryAfterSeconds > worst.retryAfterSeconds) worst = { bucket, retryAfterSeconds };
    });
    if (worst) {
      const { bucket, retryAfterSeconds } = worst;
      throw new DomainError(
        ErrorCode.TOO_MANY_REQUESTS,
        `Too many ${bucket.what}: at most ${bucket.limit} per ${duration(bucket.windowSeconds)}. Try again in ` +
          `${duration(retryAfterSeconds)}.`,
        { retryAfterSeconds, limit: bucket.limit, windowSeconds: bucket.windowSeconds },
      );
    }
  }

  async onModuleDestroy() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** E-mail addresses are counted by hash, so Redis holds no addresses of people who mistyped. */
const emailKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/**
 * Rate limits per operation, not per HTTP request: runs for every root mutation field, so one
 * request with three aliased mutations counts three (in every replica, as the counts are in Redis).
 * A guard registered after AuthGuard, so the signed-in account is known; a guard rather than an
 * interceptor, because Nest wraps every resolver under a global interceptor in an rxjs chain, and
 * queries, which are not counted (their cost is bounded instead), would pay for it on every
 * request. signIn counts as a sign-in attempt only (its resolver gives the attempt back when it
 * succeeds, `RateLimiter.signInSucceeded`); requestPasswordReset also as a reset request.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(execution);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return true;
    const ctx = gql.getContext<RequestContext>();
    const ip = clientAddress(ctx);
    const email = String(gql.getArgs<{ input?: { email?: unknown } }>().input?.email ?? '');
    if (info.fieldName === 'signIn') {
      await this.limiter.signInAttempt(email, ip);
      return true;
    }
    if (info.fieldName === 'requestPasswordReset') await this.limiter.passwordResetRequest(email, ip);
    await this.limiter.mutation(ip, ctx.actor?.userId);
    return true;
  }
}

/** The client's address as the rate limits count it (Express' `req.ip`, which follows TRUST_PROXY). */
export const clientAddress = (ctx: RequestContext): string | undefined => ctx.req?.ip ?? ctx.req?.socket?.remoteAddress;
