export * from './case-vocabulary';
export * from './roles';
export * from './workflow-ids';
export * from './case-input';
export * from './sla';
