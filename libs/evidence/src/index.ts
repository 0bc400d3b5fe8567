export * from './evidence-intake';
