export * from './deadline-schedule';
export * from './deadline.entity';
export * from './deadlines.module';
export * from './deadlines.service';
export * from './due-date-changes';
export * from './due-date-movers';
export * from './open-deadlines';
export * from './reminder-policy';
