export * from './audit-anchor';
export * from './audit-chain';
export * from './audit-record.entity';
export * from './audit-store';
export * from './audit-verify';
export * from './audit.errors';
export * from './audit-trail.service';
export * from './audit.module';
