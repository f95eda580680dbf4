import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Organisation, OrganisationsService } from '@opvolging/organisations';
import { Actor } from '@opvolging/shared';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { PageArgsInput } from '../graphql/pagination.model';
import {
  CreateOrganisationInput,
  OrganisationConnection,
  OrganisationFilterInput,
  OrganisationType,
  UpdateOrganisationInput,
} from './organisation.model';

@Resolver(() => OrganisationType)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => OrganisationConnection, { description: 'Reference data: every signed-in user may read it.' })
  organisations(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgsInput,
    @Args('filter', { nullable: true }) filter?: OrganisationFilterInput,
  ) {
    return this.service.list(actor, filter ?? {}, page);
  }

  @Query(() => OrganisationType)
  organisation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Mutation(() => OrganisationType, { description: 'Administrators only.' })
  createOrganisation(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganisationInput) {
    return this.service.create(actor, input);
  }

  @Mutation(() => OrganisationType, { description: 'Administrators only.' })
  updateOrganisation(@CurrentActor() actor: Actor, @Args('input') input: UpdateOrganisationInput) {
    return this.service.update(actor, input);
  }

  @ResolveField(() => OrganisationType, { nullable: true, description: 'The municipality it mainly works in.' })
  municipality(organisation: Organisation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return organisation.municipalityId ? loaders.organisation.load(organisation.municipalityId) : null;
  }
}
