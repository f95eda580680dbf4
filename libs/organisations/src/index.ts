export * from './organisation.entity';
export * from './organisations.module';
export * from './organisations.service';
