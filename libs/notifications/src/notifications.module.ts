import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@opvolging/deadlines';
import { CalendarFeedService } from './calendar-feed.service';
import { DeadlineSweeper } from './deadline-sweeper';
import { MailJobs } from './mail-jobs';
import { Mailer } from './mailer';
import { NotificationQueue } from './notification-queue';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [DeadlinesModule],
  providers: [NotificationsService, CalendarFeedService, DeadlineSweeper, MailJobs, Mailer, NotificationQueue],
  exports: [NotificationsService, CalendarFeedService, DeadlineSweeper, MailJobs, NotificationQueue],
})
export class NotificationsModule {}
