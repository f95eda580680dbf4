export * from './logging';
export * from './metrics';
export * from './metrics.module';
