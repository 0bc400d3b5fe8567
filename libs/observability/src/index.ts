export * from './logger';
export * from './logging.module';
export * from './metrics';
export * from './ops-server';
export * from './request-context';
export * from './request-id.middleware';
