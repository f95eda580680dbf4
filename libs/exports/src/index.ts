export * from './export-generator';
export * from './export-sources';
export * from './export.types';
export * from './exports.module';
export * from './exports.service';
export * from './labels';
export * from './progress-report';
export * from './spreadsheet';
