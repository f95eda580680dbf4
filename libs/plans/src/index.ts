export * from './measures.service';
export * from './plan-closing';
export * from './plan-lock';
export * from './plan.entity';
export * from './plan.events';
export * from './plan.state-machine';
export * from './plans.module';
export * from './plans.service';
