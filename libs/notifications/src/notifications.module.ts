import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@opvolging/deadlines';
import { MailModule } from '@opvolging/mail';
import { CalendarFeedService } from './calendar-feed.service';
import { DeadlineSweeper } from './deadline-sweeper';
import { EventNotifier } from './event-notifier';
import { MailJobs } from './mail-jobs';
import { NotificationJobs } from './notification-jobs';
import { NotificationQueue } from './notification-queue';
import { NotificationsService } from './notifications.service';
import { RetentionService } from './retention.service';

@Module({
  imports: [DeadlinesModule, MailModule],
  providers: [
    EventNotifier,
    NotificationsService,
    CalendarFeedService,
    DeadlineSweeper,
    MailJobs,
    NotificationQueue,
    RetentionService,
    NotificationJobs,
  ],
  exports: [EventNotifier, NotificationsService, CalendarFeedService, DeadlineSweeper, MailJobs, NotificationQueue, RetentionService],
})
export class NotificationsModule {}
