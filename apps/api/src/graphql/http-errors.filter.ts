import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { metrics, safeError } from '@opvolging/observability';
import { DomainError } from '@opvolging/shared';
import { DomainErrorFilter } from './domain-error.filter';

/** An error from Express' body parsers (http-errors): 413 too large, 415 unsupported charset or encoding, 400 bad gzip or JSON. */
interface ClientHttpError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message: string;
}

/** A bounded label: body-parser's error type, else the status alone. */
function refusalReason(e: ClientHttpError): string {
  return typeof e.type === 'string' && /^[a-z.]{1,40}$/.test(e.type) ? e.type : 'other';
}

function clientStatus(error: unknown): number | undefined {
  const e = error as ClientHttpError;
  const status = e?.statusCode ?? e?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && e.expose !== false ? status : undefined;
}

const refusals = new Logger('HttpErrors');

/**
 * A request refused for the client's mistake (413, 415, bad gzip or JSON): one WARN line without a
 * stack, and counted. Anyone can send one, so nobody can fill the log with stack traces this way.
 * The body parser (body-limit.ts) and the filter below both report through here.
 */
export function reportRefusal(error: unknown, status: number): void {
  const e = error as ClientHttpError;
  metrics.refusedRequests.inc({ status: String(status), reason: refusalReason(e) });
  refusals.warn({ status, reason: e.type ?? e.message }, `request refused: ${e.message}`);
}

/**
 * Every other error on plain HTTP routes and in the body parsers. A refused request (413, 415, bad
 * gzip) is the client's mistake and anyone can send one: it is logged as one WARN line without a
 * stack, and counted, so nobody can fill the log with stack traces. Anything else is logged at
 * ERROR as type, message, code and stack: never a failed query's SQL or parameters.
 */
@Catch()
export class HttpErrorsFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('HttpErrors');
  private readonly domain = new DomainErrorFilter();

  catch(error: unknown, host: ArgumentsHost): unknown {
    if (error instanceof DomainError) return this.domain.catch(error, host);
    if (host.getType<string>() !== 'http') return error; // GraphQL: formatError answers and logs
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof HttpException) {
      const status = error.getStatus();
      // 503 is readiness saying a dependency is down: the DependencyMonitor logs each change once.
      if (status >= 500 && status !== 503) this.logger.error({ err: safeError(error) }, 'request failed');
      return this.reply(res, status, error.getResponse());
    }
    const status = clientStatus(error);
    if (status !== undefined) {
      reportRefusal(error, status);
      return this.reply(res, status, { statusCode: status, message: (error as ClientHttpError).message });
    }
    this.logger.error({ err: safeError(error) }, 'request failed');
    return this.reply(res, 500, { statusCode: 500, message: 'Internal server error' });
  }

  private reply(res: Response, status: number, body: unknown) {
    if (res.headersSent) return res.end();
    res.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
  }
}
