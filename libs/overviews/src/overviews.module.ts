import { Module } from '@nestjs/common';
import { OverviewsService } from './overviews.service';

@Module({ providers: [OverviewsService], exports: [OverviewsService] })
export class OverviewsModule {}
