export * from './investigation.entity';
export * from './investigation.events';
export * from './investigation.state-machine';
export * from './investigations.module';
export * from './investigations.service';
export * from './publication-deadlines';
export * from './report-content.service';
