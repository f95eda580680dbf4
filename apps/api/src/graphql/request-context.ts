import type { Request } from 'express';
import { Actor } from '@opvolging/shared';
import type { Loaders } from './loaders';

/** Per-request GraphQL context: the acting user once authenticated, and that user's DataLoaders. */
export interface RequestContext {
  req: Request;
  actor?: Actor;
  loaders?: Loaders;
  /**
   * Sessions opened by `signIn` in this request, by the field's response key: the fields inside
   * that answer (`signIn { user { organisation } }`) resolve as the new user, the rest of the
   * request does not.
   */
  signedIn?: Map<string, { actor: Actor; loaders: Loaders }>;
}
