export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './naming-strategy';
export * from './optimistic-update';
export * from './pagination';
export * from './transaction';
