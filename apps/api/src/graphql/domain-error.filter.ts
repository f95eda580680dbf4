import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { DomainError } from '@opvolging/shared';
import { httpStatusOf } from './http-status';

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
    const status = httpStatusOf(error);
    // A refused upload names the part that was wrong (`file`, `subjectId`), like a GraphQL field path.
    const fields = error.details.fields?.length ? { fields: error.details.fields } : {};
    res.status(status).json({ statusCode: status, code: error.code, message: error.message, ...fields });
  }
}
