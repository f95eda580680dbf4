import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '@opvolging/shared';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

/**
 * Expected business outcomes, unlogged. In GraphQL they go to the client as they are (formatError
 * adds the code); on plain HTTP routes (calendar feed, downloads) they become a JSON answer with
 * the matching status, so no request is left without a response.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() !== 'http') return error;
    const res = host.switchToHttp().getResponse<Response>();
    const status = HTTP_STATUS[error.code] ?? 400;
    res.status(status).json({ statusCode: status, code: error.code, message: error.message });
  }
}
