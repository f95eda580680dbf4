import { DynamicModule, Module } from '@nestjs/common';
import { AuditsModule } from '@opvolging/audits';
import { ConfigModule } from '@opvolging/config';
import { DatabaseModule } from '@opvolging/database';
import { IdentityModule } from '@opvolging/identity';
import { InvestigationsModule } from '@opvolging/investigations';
import { OrganisationsModule } from '@opvolging/organisations';
import { PlansModule } from '@opvolging/plans';
import { ManualClock, SharedModule } from '@opvolging/shared';

/**
 * The domain without API or queues, with a clock the demo scenario moves through the cases. The
 * entities come from the app that starts it (apps/composition).
 */
@Module({})
export class DemoModule {
  static forRoot(entities: Parameters<typeof DatabaseModule.forRoot>[0]): DynamicModule {
    return {
      module: DemoModule,
      imports: [
        ConfigModule,
        SharedModule.forRoot(new ManualClock()),
        DatabaseModule.forRoot(entities),
        IdentityModule,
        OrganisationsModule,
        InvestigationsModule,
        PlansModule,
        AuditsModule,
      ],
    };
  }
}
