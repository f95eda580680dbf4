export * from './enforcement.entity';
export * from './enforcement.state-machine';
export * from './enforcement.service';
export * from './enforcement.module';
