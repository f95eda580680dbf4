import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { InvestigationsService } from '@opvolging/investigations';
import { Actor } from '@opvolging/shared';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { LocalDate } from '../graphql/scalars';
import { OrganisationType } from '../organisations/organisation.model';
import { PlannedPlanType, PublicationPreviewType } from './investigation.model';

@Resolver(() => PublicationPreviewType)
export class PublicationPreviewResolver {
  constructor(private readonly service: InvestigationsService) {}

  @Query(() => PublicationPreviewType, {
    description:
      'Lead inspectorate, while DRAFT: the plans and trajectory end that publishInvestigation would create on this date ' +
      '(nothing is changed).',
  })
  publicationPreview(
    @CurrentActor() actor: Actor,
    @Args('investigationId', { type: () => ID }) investigationId: string,
    @Args('publicationDate', { type: () => LocalDate }) publicationDate: string,
  ) {
    return this.service.preview(actor, { id: investigationId, publicationDate });
  }
}

@Resolver(() => PlannedPlanType)
export class PlannedPlanResolver {
  @ResolveField(() => OrganisationType)
  organisation(p: PlannedPlanType, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.organisation.load(p.organisationId);
  }
}
