import type { Request } from 'express';
import { Actor } from '@opvolging/shared';
import type { Loaders } from './loaders';

/** Per-request GraphQL context: the acting user once authenticated, and that user's DataLoaders. */
export interface RequestContext {
  req: Request;
  actor?: Actor;
  loaders?: Loaders;
}
