export * from './region-list';
