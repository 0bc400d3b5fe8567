export * from './connection-options';
export * from './search-attributes';
export * from './search-attribute-registration';
export * from './temporal.module';
export * from './workflow-contracts';
export * from './request-id-header';
export * from './request-id.client-interceptor';
