// Imported first by main.ts: instrumentation must be in place before http, pg and ioredis load.
import { startTracing } from '@opvolging/observability/tracing';

export const tracingSdk = startTracing('api');
