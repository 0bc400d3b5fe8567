export * from './case-projection.writer';
export * from './notification.writer';
export * from './organization-directory';
export * from './referral.writer';
export * from './projection.module';
export * from './open-case-counters';
export * from './case-statistics';
export * from './circular.writer';
