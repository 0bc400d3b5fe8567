import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

// Workflow code is replayed and must stay deterministic: no Node built-ins, no Nest, no database,
// and activities only as types (they are called through proxyActivities).
const WORKFLOW_BANNED = {
  patterns: [
    { group: ['node:*'], message: 'Workflows must not use Node built-ins.' },
    { group: ['@nestjs/*', 'typeorm', 'mysql2', 'mysql2/*', 'bcryptjs', 'helmet'], message: 'Workflows must not use Nest or database code.' },
    { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/proto'], message: 'Only @temporalio/workflow and @temporalio/common run inside workflows.' },
    { group: ['@app/*'], message: 'The workflow bundler does not know the @app aliases: import libs by relative path.' },
    { group: ['**/activities', '**/activities/*'], allowTypeImports: true, message: 'Import activities as types and call them through proxyActivities.' },
    { regex: '/libs/(?!domain/|temporal/src/(search-attributes|workflow-contracts|request-id-header)$)', message: 'Workflows may import only libs/domain, the search attribute keys, the workflow contracts and the request-id header.' },
  ],
  paths: ['fs', 'path', 'crypto', 'http', 'https', 'child_process', 'os', 'net', 'process', 'worker_threads', 'timers', 'events'].map((name) => ({ name, message: 'Workflows must not use Node built-ins.' })),
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.data/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', WORKFLOW_BANNED] },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
