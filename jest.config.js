// Three tiers, one command: `npm test` runs them all (see README.md, "Tests").
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

// file-type and its tokenizer packages are ES modules only too.
const ESM_PACKAGE_NAMES = '@nestjs|bcryptjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit';
const ESM_PACKAGES = `node_modules/(${ESM_PACKAGE_NAMES})/`;

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    // NestJS 12 ships ES modules only; Jest on Node 20 cannot require them, so they are compiled to CommonJS.
    [`${ESM_PACKAGES}.+\\.js$`]: ['babel-jest', { plugins: [require.resolve('./test/support/babel-import-meta-url.js'), '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'], babelrc: false, configFile: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGE_NAMES})/)`],
  moduleNameMapper: {
    ...pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
    // file-type exports only `import` and `module-sync` conditions, which Jest's CommonJS resolver does not ask for.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

// Integration and e2e tests share one real stack: a Temporal dev server and a fresh test database.
const realStack = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/quiet-temporal-logs.ts'],
};

// Fault injection (`npm run test:faults`, README "Fault injection"): each scenario starts a stack of its own
// from the build and kills parts of it, MariaDB included, so it is not part of `npm test`; FAULTS=1 adds it.
// Its tests and hooks set their own (long) timeouts.
const faultsProject = { ...base, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.ts'] };

// The OpenAPI contract (`npm run test:contract`, README "Contract"): schemathesis fuzzes the real stack for a
// few minutes, so it runs on its own after the other tiers rather than beside them; CONTRACT=1 adds it.
const contractProject = { ...base, ...realStack, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.contract.ts'] };

module.exports = {
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,activities,scripts}/**/*.spec.ts'] },
    { ...base, ...realStack, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...base, ...realStack, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
    ...(process.env.FAULTS ? [faultsProject] : []),
    ...(process.env.CONTRACT ? [contractProject] : []),
  ],
};
