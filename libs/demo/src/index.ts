export * from './demo-accounts';
export * from './demo-scenario';
export * from './demo.module';
export * from './seed';
