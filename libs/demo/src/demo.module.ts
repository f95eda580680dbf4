import { Module } from '@nestjs/common';
import { AuditsModule } from '@opvolging/audits';
import { ConfigModule } from '@opvolging/config';
import { DatabaseModule } from '@opvolging/database';
import { IdentityModule } from '@opvolging/identity';
import { InvestigationsModule } from '@opvolging/investigations';
import { OrganisationsModule } from '@opvolging/organisations';
import { PlansModule } from '@opvolging/plans';
import { ManualClock, SharedModule } from '@opvolging/shared';

/** The domain without API or queues, with a clock the demo scenario moves through the cases. */
@Module({
  imports: [ConfigModule, SharedModule.forRoot(new ManualClock()), DatabaseModule, IdentityModule, OrganisationsModule, InvestigationsModule, PlansModule, AuditsModule],
})
export class DemoModule {}
