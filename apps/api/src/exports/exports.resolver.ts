import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ExportRecord, ExportsService, ExportStatus } from '@opvolging/exports';
import { Actor } from '@opvolging/shared';
import { CurrentActor } from '../graphql/current-actor.decorator';
import { ExportType, RequestExportInput } from './export.model';

@Resolver(() => ExportType)
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Mutation(() => ExportType, {
    description:
      "Asks for an export of a list as filtered (CSV or XLSX) or of an investigation's progress report (PDF). The worker makes it; " +
      'poll `export(id)` until DONE, then download it.',
  })
  requestExport(@CurrentActor() actor: Actor, @Args('input') input: RequestExportInput) {
    return this.exports.request(actor, input);
  }

  @Query(() => ExportType, { name: 'export', description: 'One of your exports.' })
  exportById(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.exports.get(actor, id);
  }

  @Query(() => [ExportType], { description: 'Your exports, newest first.' })
  myExports(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20, description: '1 to 100.' }) first = 20,
  ) {
    return this.exports.list(actor, first);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'GET it with your bearer token (Authorization header) once DONE; relative to the API.',
  })
  downloadUrl(e: ExportRecord) {
    return e.status === ExportStatus.DONE ? `/exports/${e.id}/download` : null;
  }
}
