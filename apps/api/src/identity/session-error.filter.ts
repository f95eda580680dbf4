import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '@opvolging/shared';
import { REFRESH_COOKIE_PATH, sendError } from './session-http';

const CODES: Record<number, ErrorCode> = { 401: ErrorCode.UNAUTHENTICATED, 403: ErrorCode.FORBIDDEN, 429: ErrorCode.TOO_MANY_REQUESTS };

/**
 * HTTP errors raised before the session endpoints run (a body that is no JSON, an unknown path under
 * /auth/session) in the same GraphQL error shape as their own answers; everything else as Nest does.
 */
@Catch(HttpException)
export class SessionErrorFilter extends BaseExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return exception; // GraphQL: Apollo's formatError answers
    const req = host.switchToHttp().getRequest<Request>();
    const status = exception.getStatus();
    if (status >= 500 || !(req.path === REFRESH_COOKIE_PATH || req.path.startsWith(`${REFRESH_COOKIE_PATH}/`))) {
      return super.catch(exception, host);
    }
    const code = CODES[status] ?? (status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT);
    sendError(host.switchToHttp().getResponse<Response>(), new DomainError(code, exception.message));
  }
}
