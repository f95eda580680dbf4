export * from './queue.module';
export * from './redis';
export * from './job-handlers';
export * from './job-registry';
