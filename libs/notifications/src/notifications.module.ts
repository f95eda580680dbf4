import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@opvolging/deadlines';
import { MailModule } from '@opvolging/mail';
import { CalendarFeedService } from './calendar-feed.service';
import { DeadlineSweeper } from './deadline-sweeper';
import { MailJobs } from './mail-jobs';
import { NotificationQueue } from './notification-queue';
import { NotificationsService } from './notifications.service';
import { RetentionService } from './retention.service';

@Module({
  imports: [DeadlinesModule, MailModule],
  providers: [NotificationsService, CalendarFeedService, DeadlineSweeper, MailJobs, NotificationQueue, RetentionService],
  exports: [NotificationsService, CalendarFeedService, DeadlineSweeper, MailJobs, NotificationQueue, RetentionService],
})
export class NotificationsModule {}
