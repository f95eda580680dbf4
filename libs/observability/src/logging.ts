import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'http';
import { randomUUID } from 'crypto';
import { LoggerModule, Params } from 'nestjs-pino';
import { trace } from '@opentelemetry/api';
import pino, { DestinationStream, LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';
import { AppConfig, redactUrl } from '@opvolging/config';

/** Where log lines go; tests provide their own stream to read them. Default: stdout. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

const LEVELS: Record<AppConfig['LOG_LEVEL'], LevelWithSilent> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** A request id from a client or proxy is taken over only if it looks like one (no log injection). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** What the API records about a GraphQL request on the request, for the access log line. */
export interface GraphQLRequestFacts {
  operation?: string;
  errorCodes?: string[];
}

type Req = IncomingMessage & { originalUrl?: string; graphql?: GraphQLRequestFacts };

/**
 * The path of a request as it may be logged: no query string (OIDC codes, states) and no calendar
 * feed secret, which is the credential of that URL.
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.replace(/^\/calendar\/[^/]+$/, '/calendar/[hidden].ics');
}

/** Errors as logged: type, message, code and stack; never a failed query's SQL or parameters (QueryFailedError carries both). */
export function safeError(error: unknown): Record<string, unknown> {
  if (isSafe(error)) return error; // already reduced (logged as { err: safeError(e) })
  if (!(error instanceof Error)) return { message: redactUrl(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: redactUrl(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack && redactUrl(error.stack),
  };
}

const SAFE_KEYS = new Set(['type', 'message', 'code', 'stack']);
function isSafe(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && Object.keys(value).every((k) => SAFE_KEYS.has(k));
}

/** JSON in production (or LOG_FORMAT=json), readable otherwise; colours only on a terminal. */
export function logStream(config: AppConfig, destination?: DestinationStream): DestinationStream {
  const json = config.LOG_FORMAT === 'json' || (config.LOG_FORMAT === '' && config.isProduction);
  if (json) return destination ?? pino.destination(1);
  return pretty({
    colorize: !destination && Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
    destination: destination ?? 1,
    sync: true,
  });
}

/** The pino (and pino-http) settings of both processes: one JSON object per line, the request id on every line of a request. */
export function loggerParams(config: AppConfig, service: 'api' | 'worker', destination?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: LEVELS[config.LOG_LEVEL],
        base: { service },
        messageKey: 'msg',
        // Every line of a request carries its id; the request itself is described once, on the access line.
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'requestId' },
        mixin: traceFields,
        genReqId: (req: IncomingMessage, res: ServerResponse) => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          res.setHeader('X-Request-Id', id);
          return id;
        },
        serializers: {
          req: (req: Req) => ({ method: req.method, path: loggablePath(req.originalUrl ?? req.url) }),
          res: (res: ServerResponse) => ({ status: res.statusCode }),
          err: safeError,
        },
        // Probes and scrapes every few seconds would bury the requests of people.
        autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? '') },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
          error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        customSuccessMessage: () => 'request completed',
        customErrorMessage: () => 'request failed',
        customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: Record<string, unknown>) =>
          accessFields(req as Req, value),
        customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, value: Record<string, unknown>) =>
          accessFields(req as Req, value),
        wrapSerializers: false,
      },
      logStream(config, destination),
    ],
    // The access line says which route; Nest's own context name goes into "context".
    renameContext: 'context',
  };
}

function accessFields(req: Req, value: Record<string, unknown>) {
  const facts = req.graphql;
  return {
    ...value,
    durationMs: value.responseTime,
    responseTime: undefined,
    ...(facts?.operation ? { operation: facts.operation } : {}),
    ...(facts?.errorCodes?.length ? { errorCodes: facts.errorCodes } : {}),
  };
}

/** Holds LOG_DESTINATION (null: stdout), so a test can override it with a stream it reads. */
@Module({ providers: [{ provide: LOG_DESTINATION, useValue: null }], exports: [LOG_DESTINATION] })
export class LogDestinationModule {}

/** Structured logging for a process: `LoggingModule.forService('api')`. */
@Module({})
export class LoggingModule {
  static forService(service: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          imports: [LogDestinationModule],
          inject: [AppConfig, LOG_DESTINATION],
          useFactory: (config: AppConfig, destination: DestinationStream | null) => loggerParams(config, service, destination ?? undefined),
        }),
      ],
    };
  }
}

/** With tracing on, every line made inside a span carries its trace and span id (cheap no-op otherwise). */
function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** A logger for a process before (and outside) its Nest application: the same format and destination. */
export function processLogger(config: AppConfig, service: 'api' | 'worker' | 'launcher') {
  return pino(
    { level: LEVELS[config.LOG_LEVEL], base: { service }, messageKey: 'msg', serializers: { err: safeError } },
    logStream(config),
  );
}
