export * from './case.workflow';
export * from './referral.workflow';
export * from './calendar-broadcast.workflow';
export * from './circular.workflow';
export * from './campaign.workflow';
