export * from './overviews.module';
export * from './overviews.service';
export * from './progress';
