import { existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { isPortOpen } from '../../../scripts/temporal-dev-server';
import { run, sleep } from './fault-stack';

/**
 * Stopping and starting the machine's MariaDB for scenario (d). The defaults are MariaDB's own
 * controls on a Debian-style machine where the suite runs as root (as scripts/setup.sh starts it);
 * elsewhere set FAULTS_MARIADB_STOP and FAULTS_MARIADB_START to shell commands that do the same
 * (e.g. `systemctl stop mariadb`, `docker stop db`).
 */

const MARIADBD = '/usr/sbin/mariadbd';
const host = () => process.env.DB_HOST ?? '127.0.0.1';
const port = () => Number(process.env.DB_PORT ?? 3306);

/** Whether this machine's database can be stopped and started by the suite. */
export function mariaDbControllable(): { ok: boolean; why: string } {
  if (process.env.FAULTS_MARIADB_STOP && process.env.FAULTS_MARIADB_START) return { ok: true, why: 'FAULTS_MARIADB_STOP/START' };
  if (!['127.0.0.1', 'localhost'].includes(host())) return { ok: false, why: `DB_HOST ${host()} is not this machine; set FAULTS_MARIADB_STOP and FAULTS_MARIADB_START` };
  if (!existsSync(MARIADBD)) return { ok: false, why: `${MARIADBD} is not installed; set FAULTS_MARIADB_STOP and FAULTS_MARIADB_START` };
  return { ok: true, why: MARIADBD };
}

/**
 * Other test or bench runs on this machine (Jest, the benchmark): stopping MariaDB would break them.
 * This process and its ancestors (npm, the shell) are not counted.
 */
export function otherDatabaseUsers(): string[] {
  const mine = new Set<number>();
  for (let pid = process.pid; pid > 1 && !mine.has(pid); pid = parentOf(pid)) mine.add(pid);
  const listed = run('pgrep', ['-af', 'node.*(jest|dist-bench)']);
  return listed.output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .filter((line) => !mine.has(Number(line.split(' ')[0])))
    .filter((line) => !/\bpgrep\b/.test(line));
}

function parentOf(pid: number): number {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 1;
  }
}

/** Waits (polling) until no other run uses the database; throws after maxWaitMs. */
export async function waitUntilAlone(maxWaitMs: number, pollMs: number, note: (line: string) => void): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const others = otherDatabaseUsers();
    if (others.length === 0) return;
    if (Date.now() > deadline) throw new Error(`other runs still use the database after ${maxWaitMs / 1000} s, not stopping MariaDB under them:\n${others.join('\n')}`);
    note(`fault (d): waiting for ${others.length} other run(s) on this machine before stopping MariaDB: ${others.map((o) => o.slice(0, 100)).join(' | ')}`);
    await sleep(pollMs);
  }
}

export async function stopMariaDb(): Promise<void> {
  if (process.env.FAULTS_MARIADB_STOP) {
    const result = run('sh', ['-c', process.env.FAULTS_MARIADB_STOP], 120_000);
    if (result.code !== 0) throw new Error(`FAULTS_MARIADB_STOP failed (${result.code}): ${result.output}`);
  } else {
    const shutdown = run('mysqladmin', ['-uroot', 'shutdown'], 120_000);
    if (shutdown.code !== 0) {
      const stop = run('start-stop-daemon', ['--stop', '--retry', '60', '--exec', MARIADBD], 120_000);
      if (stop.code !== 0 && stop.code !== 1) throw new Error(`could not stop MariaDB: mysqladmin: ${shutdown.output}; start-stop-daemon: ${stop.output}`);
    }
  }
  const deadline = Date.now() + 60_000;
  while (await isPortOpen(port(), host())) {
    if (Date.now() > deadline) throw new Error(`MariaDB still answers on ${host()}:${port()} a minute after it was stopped`);
    await sleep(200);
  }
}

export async function startMariaDb(): Promise<void> {
  const command = process.env.FAULTS_MARIADB_START;
  const result = command ? run('sh', ['-c', command], 120_000) : run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', MARIADBD], 120_000);
  if (result.code !== 0) throw new Error(`could not start MariaDB (${result.code}): ${result.output}`);
  await waitForMariaDb(120_000);
}

/** Starts MariaDB if it does not answer: for cleanup, whatever state a failed scenario left. */
export async function ensureMariaDbRunning(): Promise<void> {
  if (await answers()) return;
  await startMariaDb();
}

async function answers(): Promise<boolean> {
  try {
    const connection = await createConnection({ host: host(), port: port(), user: process.env.DB_USER ?? 'root', password: process.env.DB_PASSWORD ?? '', connectTimeout: 2000 });
    try {
      await connection.query('SELECT 1');
      return true;
    } finally {
      await connection.end();
    }
  } catch {
    return false;
  }
}

async function waitForMariaDb(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await answers())) {
    if (Date.now() > deadline) throw new Error(`MariaDB did not answer on ${host()}:${port()} within ${timeoutMs / 1000} s of starting`);
    await sleep(250);
  }
}
