import { Redis, RedisOptions } from 'ioredis';

/**
 * Connection options for BullMQ from REDIS_URL. BullMQ workers need maxRetriesPerRequest: null
 * (blocking commands must not time out); the API side fails fast instead.
 */
export function redisOptions(url: string, role: 'worker' | 'client'): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname && parsed.pathname !== '/' ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    lazyConnect: false,
  };
}

/**
 * PING with a deadline, for readiness checks. Takes the client or a promise of it (BullMQ's
 * `queue.client` waits for a connection, forever when Redis is down): the deadline covers both.
 */
export async function pingRedis(redis: Redis | Promise<Redis>, timeoutMs = 1000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve(redis).then((client) => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
