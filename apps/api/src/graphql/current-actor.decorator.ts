import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, DomainError } from '@opvolging/shared';
import { Loaders } from './loaders';
import { RequestContext } from './request-context';

function context(ctx: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(ctx).getContext<RequestContext>();
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
