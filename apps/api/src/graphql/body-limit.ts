import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { json } from 'express';
import { AppConfig } from '@opvolging/config';
import { reportRefusal } from './http-errors.filter';

/**
 * Reads JSON bodies up to GRAPHQL_MAX_BODY_BYTES, before Nest's own parser (which then has nothing
 * left to read). A body the parser refuses is answered as GraphQL answers a request error,
 * `errors[].extensions.code`, with the HTTP status of the parser: 413 PAYLOAD_TOO_LARGE for a body
 * over the limit, 400 BAD_REQUEST for JSON that does not parse. These are the client's mistakes,
 * not the server's: each is one WARN line without a stack, and counted (`reportRefusal`), never an
 * ERROR. Mount before `app.init()`, as main.ts does.
 */
export function mountBodyParser(app: INestApplication): void {
  const limit = app.get(AppConfig).GRAPHQL_MAX_BODY_BYTES;
  app.use(json({ limit }));
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') {
      reportRefusal(error, 413);
      res.status(413).json({
        errors: [
          {
            message: `The request body is larger than ${limit} bytes (GRAPHQL_MAX_BODY_BYTES); send less in one request.`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: limit },
          },
        ],
      });
      return;
    }
    if (typeof error?.type === 'string' && error.status && error.status >= 400 && error.status < 500) {
      reportRefusal(error, error.status);
      res.status(error.status).json({
        errors: [{ message: 'The request body is not valid JSON (or not in a supported encoding).', extensions: { code: 'BAD_REQUEST' } }],
      });
      return;
    }
    next(error);
  });
}
