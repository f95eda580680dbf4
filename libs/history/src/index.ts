export * from './history.entity';
export * from './history.module';
export * from './history.service';
export { recordHistoryRead } from './history.repository';
