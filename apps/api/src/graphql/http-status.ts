import { DomainError, ErrorCode } from '@opvolging/shared';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * The HTTP status of a domain error on a plain HTTP route (session endpoints, downloads, uploads):
 * the one its code stands for, or a more exact one the route named (413 for a file over the limit).
 */
export function httpStatusOf(error: DomainError): number {
  return typeof error.details.httpStatus === 'number' ? error.details.httpStatus : (HTTP_STATUS[error.code] ?? 400);
}
