export * from './sla-terms';
export * from './sla-policy.entity';
export * from './sla-policy.errors';
export * from './sla-policy.service';
export * from './sla.module';
