export * from './audit.entity';
export * from './audit.state-machine';
export * from './audits.module';
export * from './audits.service';
export * from './verifications.service';
