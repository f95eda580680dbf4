import { Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * Every metric of both processes, defined once, on prom-client's default registry (served on
 * /metrics). Labels are bounded: operations are named by their root field (from the schema),
 * never by the client's operation name; codes and outcomes are fixed sets.
 */
export const metrics = {
  graphqlDuration: new Histogram({
    name: 'opvolging_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation (type and root field) and outcome (ok, error)',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  graphqlErrors: new Counter({
    name: 'opvolging_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code',
    labelNames: ['code'] as const,
  }),
  rateLimitRefusals: new Counter({
    name: 'opvolging_rate_limit_refusals_total',
    help: 'Operations refused by a rate limit (TOO_MANY_REQUESTS)',
  }),
  refusedRequests: new Counter({
    name: 'opvolging_http_refused_requests_total',
    help: 'Requests refused before a route (413 too large, 415 unsupported, 400 bad body), by status and reason',
    labelNames: ['status', 'reason'] as const,
  }),
  queueJobs: new Gauge({
    name: 'opvolging_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, failed, delayed), read from Redis at each scrape',
    labelNames: ['queue', 'state'] as const,
  }),
  dependencyUp: new Gauge({
    name: 'opvolging_dependency_up',
    help: '1 when the dependency (postgresql, redis) answered the last check, 0 when not',
    labelNames: ['dependency'] as const,
  }),
  dbPool: new Gauge({
    name: 'opvolging_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting: requests waiting for a connection)',
    labelNames: ['state'] as const,
  }),
  sweepDuration: new Histogram({
    name: 'opvolging_sweep_duration_seconds',
    help: 'Duration of the deadline sweep',
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  }),
  noticesCreated: new Counter({
    name: 'opvolging_sweep_notices_created_total',
    help: 'Deadline notices (reminders, escalations) created by the sweep',
  }),
  mails: new Counter({
    name: 'opvolging_mails_total',
    help: 'Mail jobs (notification, digest) by outcome: sent, skipped, retried (will be tried again), failed (no attempts left)',
    labelNames: ['kind', 'outcome'] as const,
  }),
  exports: new Counter({
    name: 'opvolging_exports_total',
    help: 'Export jobs by outcome (done, failed, skipped, retried)',
    labelNames: ['outcome'] as const,
  }),
  exportDuration: new Histogram({
    name: 'opvolging_export_duration_seconds',
    help: 'Time to make one export file',
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  }),
};

export const metricsRegistry = register;
