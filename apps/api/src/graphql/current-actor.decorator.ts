import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Actor, DomainError } from '@opvolging/shared';
import { Loaders } from './loaders';
import { RequestContext } from './request-context';

/** The request's actor and loaders, or inside a `signIn` answer those of the user who just signed in. */
function acting(request: RequestContext, info: GraphQLResolveInfo | undefined): Pick<RequestContext, 'actor' | 'loaders'> {
  if (request.actor || !request.signedIn) return request;
  let path: GraphQLResolveInfo['path'] | undefined = info?.path;
  while (path?.prev) path = path.prev;
  return (path && request.signedIn.get(String(path.key))) || request;
}

function context(ctx: ExecutionContext): Pick<RequestContext, 'actor' | 'loaders'> {
  const gql = GqlExecutionContext.create(ctx);
  return acting(gql.getContext<RequestContext>(), gql.getInfo<GraphQLResolveInfo>());
}

/**
 * The request's loaders for a field resolver written without parameter decorators, which Nest
 * binds to graphql-js as it is (`(parent, args, context, info)`): no pipes and no execution context
 * per call. For the fields nested under lists, called once per row.
 */
export function loadersOf(request: RequestContext, info: GraphQLResolveInfo): Loaders {
  const loaders = acting(request, info).loaders;
  if (!loaders) throw DomainError.unauthenticated();
  return loaders;
}

/** `CurrentActor` for a field resolver without parameter decorators (see `loadersOf`). */
export function actorOf(request: RequestContext, info: GraphQLResolveInfo): Actor {
  const actor = acting(request, info).actor;
  if (!actor) throw DomainError.unauthenticated();
  return actor;
}

/** The signed-in user; the auth guard has put it on the context. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = context(ctx).actor;
  if (!actor) throw DomainError.unauthenticated();
  return actor;
});

/** The request's DataLoaders, bound to the signed-in user's scope. */
export const RequestLoaders = createParamDecorator((_: unknown, ctx: ExecutionContext): Loaders => {
  const loaders = context(ctx).loaders;
  if (!loaders) throw DomainError.unauthenticated();
  return loaders;
});
