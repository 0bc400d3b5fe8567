import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(__dirname, __dirname.includes(`${join('dist', 'scripts')}`) ? '../..' : '..');
const VENV_BIN = join(PROJECT_ROOT, '.tools', 'venv', 'bin');

/**
 * Absolute path of a binary scripts/setup.sh installs: PATH first, then the project's .tools/venv.
 * The Temporal SDK needs an absolute path; it does not search PATH.
 */
export function findTool(name: 'temporal' | 'temporal-test-server' | 'schemathesis' | 'weed'): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), VENV_BIN];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return resolve(candidate);
    } catch {
      // not here; keep looking
    }
  }
  throw new Error(`'${name}' was not found on PATH or in .tools/venv: run 'npm run setup'`);
}

export { PROJECT_ROOT };
