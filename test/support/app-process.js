// Runs one of the apps' TypeScript entry points (apps/api/src/main.ts, apps/worker/src/main.ts) as a process of
// its own, straight from source: a require hook compiles each .ts file with SWC (what the Temporal bundler
// already ships) and maps the @app/* aliases of tsconfig.json. test/support/stack.ts starts it; tests that
// need several API or worker processes, or one to kill, use it instead of `npm run build`.
//   node test/support/app-process.js apps/worker/src/main.ts
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const ROOT = resolve(__dirname, '../..');
const tsconfig = require(join(ROOT, 'tsconfig.json'));
const aliases = Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, join(ROOT, target)]);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  for (const [alias, target] of aliases) {
    if (request === alias) return resolveFilename.call(this, target, ...rest);
    if (request.startsWith(`${alias}/`)) return resolveFilename.call(this, join(target, request.slice(alias.length + 1)), ...rest);
  }
  return resolveFilename.call(this, request, ...rest);
};

// The same output tsc gives the build: CommonJS, ES2022, legacy decorators with their metadata (Nest's injection).
const SWC_OPTIONS = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    keepClassNames: true,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
  },
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...SWC_OPTIONS, filename });
  module._compile(code, filename);
};

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node test/support/app-process.js <entry.ts>');
  process.exit(2);
}
require(resolve(ROOT, entry));
