export * from './calendar-feed.service';
export * from './deadline-sweeper';
export * from './mail-jobs';
export * from './messages';
export * from './notification-queue';
export * from './notification.entity';
export * from './notifications.module';
export * from './notifications.service';
