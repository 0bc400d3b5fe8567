import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from wherever this file was compiled to (dist-bench/bench/lib). */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'tsconfig.build.json'))) return dir;
  }
  throw new Error(`cannot find the project root above ${from}`);
}

export const ROOT = findRoot(__dirname);
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
/** Logs of the children and the Temporal server: beside the compiled bench, git-ignored. */
export const LOG_DIR = join(ROOT, 'dist-bench', 'logs');
export const VENV_BIN = join(ROOT, '.tools', 'venv', 'bin');
