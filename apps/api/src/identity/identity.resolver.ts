import { Args, Context, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { AuthService, PasswordService, User, UsersService } from '@opvolging/identity';
import { Actor, DomainError } from '@opvolging/shared';
import { CurrentActor, loadersOf, RequestLoaders } from '../graphql/current-actor.decorator';
import { LoaderFactory, Loaders } from '../graphql/loaders';
import { RequestContext } from '../graphql/request-context';
import { PageArgsInput } from '../graphql/pagination.model';
import { Public } from '../graphql/public.decorator';
import { clientAddress, RateLimiter } from '../graphql/rate-limit';
import { OrganisationType } from '../organisations/organisation.model';
import {
  AuthPayload,
  ChangeMyPasswordInput,
  CreateUserInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
  UpdateUserInput,
  UserConnection,
  UserFilterInput,
  UserType,
} from './user.model';

@Resolver(() => UserType)
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly usersService: UsersService,
    private readonly passwords: PasswordService,
    private readonly loaders: LoaderFactory,
    private readonly limiter: RateLimiter,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password; returns a short-lived bearer token.' })
  async signIn(@Args('input') input: SignInInput, @Context() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const session = await this.auth.signIn(input.email, input.password);
    // Only failures add up: this attempt, counted by RateLimitGuard, is given back.
    await this.limiter.signInSucceeded(input.email, clientAddress(ctx));
    // The answer's own fields (user { organisation }) resolve as the user who just signed in.
    const account = await this.auth.authenticateUser(session.accessToken);
    (ctx.signedIn ??= new Map()).set(info.path.key as string, { actor: account.actor, loaders: this.loaders.forAccount(account) });
    return session;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mails a link to set a new password (valid 30 minutes). Answers true whether or not the address has an account.',
  })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput) {
    await this.passwords.requestReset(input.email);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password with the secret from a reset link; ends all sessions.' })
  async resetPassword(@Args('input') input: ResetPasswordInput) {
    await this.passwords.reset(input.token, input.newPassword);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes your password; ends all your sessions, this one too.' })
  async changeMyPassword(@CurrentActor() actor: Actor, @Args('input') input: ChangeMyPasswordInput) {
    await this.passwords.change(actor, input.currentPassword, input.newPassword);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of your account, on every device.' })
  signOutEverywhere(@CurrentActor() actor: Actor) {
    return this.auth.signOutEverywhere(actor);
  }

  @Query(() => UserType, { description: 'The signed-in user.' })
  async me(@CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders) {
    const user = await loaders.user.load(actor.userId);
    if (!user) throw DomainError.unauthenticated();
    return user;
  }

  @Query(() => UserConnection, { description: 'Administrators see every account; others the accounts of their own organisation.' })
  users(@CurrentActor() actor: Actor, @Args() page: PageArgsInput, @Args('filter', { nullable: true }) filter?: UserFilterInput) {
    return this.usersService.list(actor, filter ?? {}, page);
  }

  @Mutation(() => UserType, { description: 'Administrators only.' })
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput) {
    return this.usersService.create(actor, input);
  }

  @Mutation(() => UserType, { description: "Administrators only. A new role or organisation, or disabling, ends the account's sessions." })
  updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput) {
    return this.usersService.update(actor, input);
  }

  @ResolveField(() => OrganisationType, { nullable: true })
  organisation(user: User, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return user.organisationId ? loaders.organisation.load(user.organisationId) : null;
  }
}
