import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthService } from '@opvolging/identity';
import { DomainError } from '@opvolging/shared';
import { IS_PUBLIC } from './public.decorator';
import { LoaderFactory } from './loaders';
import { RequestContext } from './request-context';

/**
 * Every GraphQL operation needs a valid bearer token unless marked @Public. The token is checked
 * once per request (signature, expiry, revocation, active account) and the actor cached on the context.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly loaders: LoaderFactory,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [execution.getHandler(), execution.getClass()]);
    if (isPublic) return true;
    const ctx = GqlExecutionContext.create(execution).getContext<RequestContext>();
    if (!ctx.actor) {
      const header = ctx.req?.headers?.authorization ?? '';
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw DomainError.unauthenticated();
      const account = await this.auth.authenticateUser(token);
      ctx.actor = account.actor;
      ctx.loaders = this.loaders.forAccount(account);
    }
    return true;
  }
}
