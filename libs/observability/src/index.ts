export * from './logging';
export * from './metrics';
export * from './metrics.module';
export { tracingStarted } from './tracing-state';
