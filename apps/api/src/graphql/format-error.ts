import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@opvolging/shared';

const logger = new Logger('GraphQL');

// Codes that graphql-js and Apollo raise for malformed requests; their messages are safe to show.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_CODES: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'TOO_MANY_REQUESTS' };

/**
 * Every error leaves with a stable `extensions.code`. Domain errors keep their message and details;
 * request errors keep graphql-js' message; anything else is logged and answered without internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { ...original.details, code: original.code } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    if (status < 500) return { message: original.message, path: formatted.path, extensions: { code: HTTP_CODES[status] ?? 'BAD_REQUEST' } };
  }
  // graphql-js stops reading variables after 50 errors with an error that carries no code.
  if (formatted.message.startsWith('Too many errors processing variables')) {
    return { message: 'Too many invalid values in the variables; correct them and send again.', extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error(`Unexpected error at ${formatted.path?.join('.') ?? 'request'}: ${(original as Error)?.stack ?? String(original)}`);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
