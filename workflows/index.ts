export * from './case.workflow';
export * from './referral.workflow';
