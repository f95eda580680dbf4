import { IncomingMessage } from 'http';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { markTracingStarted } from './tracing-state';

/**
 * Tracing is off unless the standard OpenTelemetry variables ask for it: OTEL_TRACES_EXPORTER
 * (otlp, console) or an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT, ..._TRACES_ENDPOINT).
 * OTEL_SDK_DISABLED=true turns it off again.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts the OpenTelemetry SDK with HTTP, GraphQL, PostgreSQL and Redis instrumentation. Must run
 * before those modules are loaded (first import of main.ts). Statements are recorded without their
 * parameters; probes and scrapes make no traces. `spanProcessors`: for tests (an in-memory exporter).
 */
export function startTracing(service: 'api' | 'worker', options: { spanProcessors?: tracing.SpanProcessor[]; force?: boolean } = {}) {
  if (!options.force && !tracingRequested()) return undefined;
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? `opvolging-${service}`,
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? ''),
      }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true, allowValues: false }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      // The command only: keys and values may hold personal data.
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });
  sdk.start();
  markTracingStarted();
  return sdk;
}
