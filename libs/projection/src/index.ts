export * from './case-projection.writer';
export * from './projection.module';
