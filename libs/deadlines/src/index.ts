export * from './deadline-schedule';
export * from './deadline.entity';
export * from './deadlines.module';
export * from './deadlines.service';
export * from './reminder-policy';
