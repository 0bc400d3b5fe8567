export * from './evidence-intake';
export * from './referral-package.pdf';
export * from './referral-package.builder';
export * from './evidence.module';
