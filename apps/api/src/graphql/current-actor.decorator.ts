import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Actor, DomainError } from '@opvolging/shared';
import { Loaders } from './loaders';
import { RequestContext } from './request-context';

/** The request's actor and loaders, or inside a `signIn` answer those of the user who just signed in. */
function context(ctx: ExecutionContext): Pick<RequestContext, 'actor' | 'loaders'> {
  const gql = GqlExecutionContext.create(ctx);
  const request = gql.getContext<RequestContext>();
  if (request.actor || !request.signedIn) return request;
  let path: GraphQLResolveInfo['path'] | undefined = gql.getInfo<GraphQLResolveInfo>()?.path;
  while (path?.prev) path = path.prev;
  return (path && request.signedIn.get(String(path.key))) || request;
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
