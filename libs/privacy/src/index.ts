export * from './pii-cipher';
export * from './privacy.module';
