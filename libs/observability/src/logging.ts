import { DynamicModule, Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'http';
import { randomUUID } from 'crypto';
import { LoggerModule, Params, PinoLogger } from 'nestjs-pino';
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

/**
 * The logger settings of both processes: one JSON object per line. nestjs-pino builds the root
 * logger from them (through pino-http's factory) but mounts no middleware of its own
 * (`forRoutes: []`): `RequestLogging` does a request's part.
 */
export function loggerParams(config: AppConfig, service: 'api' | 'worker', destination?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: LEVELS[config.LOG_LEVEL],
        base: { service },
        messageKey: 'msg',
        mixin: traceFields,
        serializers: {
          req: (req: Req) => ({ method: req.method, path: loggablePath(req.originalUrl ?? req.url) }),
          res: (res: ServerResponse) => ({ status: res.statusCode }),
          err: safeError,
        },
        wrapSerializers: false,
      },
      logStream(config, destination),
    ],
    forRoutes: [],
    // The access line says which route; Nest's own context name goes into "context".
    renameContext: 'context',
  };
}

/** Probes and scrapes every few seconds would bury the requests of people. */
const UNLOGGED = /^\/(health|metrics)(\/|$|\?)/;

type Level = 'info' | 'warn' | 'error';

/**
 * A request's logging, the part pino-http's middleware did, in less work per request (it made two
 * child loggers, one the prototype of the other, and built the access line's object whether or not
 * its level is logged):
 * - a request id, taken from X-Request-Id when it looks like one, else a random UUID; on the
 *   request (`req.id`, for errors' `extensions.requestId`) and in the answer's X-Request-Id;
 * - every line logged while the request is handled carries it (nestjs-pino's logging context:
 *   `PinoLogger.runInContext`, one child logger);
 * - one access line when the answer is sent or the connection closes ("request completed", or
 *   "request failed" for a 5xx): method, path, status, duration, the GraphQL operation and its error
 *   codes; INFO, WARN for a 4xx, ERROR for a 5xx; built only when that level is logged.
 */
@Injectable()
export class RequestLogging implements NestMiddleware {
  constructor(private readonly pino: PinoLogger) {}

  use(req: Req & { id?: string }, res: ServerResponse, next: () => void): void {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    this.pino.runInContext(
      () => {
        if (!UNLOGGED.test(req.url ?? '')) this.accessLineWhenDone(req, res);
        next();
      },
      { bindings: { requestId: id } },
    );
  }

  private accessLineWhenDone(req: Req, res: ServerResponse): void {
    const log = this.pino.logger;
    const started = Date.now();
    const done = (error?: Error) => {
      res.off('close', done);
      res.off('finish', done);
      res.off('error', done);
      const failed = error !== undefined || res.statusCode >= 500;
      const level: Level = failed ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const facts = req.graphql;
      const line: Record<string, unknown> = {
        req,
        res,
        durationMs: Date.now() - started,
        ...(facts?.operation ? { operation: facts.operation } : {}),
        ...(facts?.errorCodes?.length ? { errorCodes: facts.errorCodes } : {}),
      };
      if (failed) log[level]({ ...line, err: error ?? new Error(`failed with status code ${res.statusCode}`) }, 'request failed');
      else log[level](line, 'request completed');
    };
    res.on('close', done);
    res.on('finish', done);
    res.on('error', done);
  }
}

/** Holds LOG_DESTINATION (null: stdout), so a test can override it with a stream it reads. */
@Module({ providers: [{ provide: LOG_DESTINATION, useValue: null }], exports: [LOG_DESTINATION] })
export class LogDestinationModule {}

/** Structured logging for a process: `LoggingModule.forService('api')`. */
@Module({})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogging).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }

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
      providers: [RequestLogging],
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
