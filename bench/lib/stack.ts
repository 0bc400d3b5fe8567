import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { loadConfig, type AppConfig } from '../../libs/config/src/app-config';
import { migrateDatabase } from '../../libs/database/src/migrate';
import { startTemporalDevServer, type DevServer } from '../../scripts/temporal-dev-server';
import { findTool } from '../../scripts/toolchain';
import { LOG_DIR, ROOT, VENV_BIN } from './paths';
import { sleep } from './stats';
import { freePort } from '../../scripts/free-port';

/**
 * The environment the API and worker run with: the bench database, a Temporal of its own, throwaway
 * secrets, and rate limits out of the way (every bench client is 127.0.0.1; production limits are per client IP).
 */
export function benchEnvironment(options: { dbName: string; temporalAddress: string; apiPort: number }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development', // MINUTE SLA policies are refused in production
    SEED_DEMO: '1',
    API_HOST: '127.0.0.1',
    API_PORT: String(options.apiPort),
    // The ops listeners stay off: stacks run side by side on one machine.
    METRICS_PORT: '0',
    WORKER_OPS_PORT: '0',
    TEMPORAL_METRICS_PORT: '0',
    DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
    DB_PORT: process.env.DB_PORT ?? '3306',
    DB_USER: process.env.DB_USER ?? 'root',
    DB_PASSWORD: process.env.DB_PASSWORD ?? '',
    DB_NAME: options.dbName,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'cases-bench',
    WORKFLOW_BUNDLE_PATH: '', // bundle at start, as `npm start` and the Dockerfile do
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_TTL_SECONDS: '7200',
    INTAKE_SECRET: randomBytes(32).toString('hex'),
    PII_KEYS: `bench1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'bench1',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
    RATE_LIMIT_STAFF_PER_MINUTE: '100000000',
  };
}

export interface Child {
  name: string;
  process: ChildProcess;
  log: WriteStream;
  exited: Promise<number | null>;
  /** Set when the bench stops it on purpose (a restart), so its exit is not a failure. */
  stopping?: boolean;
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv, append = false): Child {
  const log = createWriteStream(join(LOG_DIR, `${name}.log`), { flags: append ? 'a' : 'w' });
  // BENCH_CPU_PROFILE_DIR: each thread of each process writes a V8 CPU profile into <dir>/<name>/ when it
  // stops (the worker's workflow threads too); open them in Chrome DevTools.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] : [];
  const child = spawn(process.execPath, [...profile, join(ROOT, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, log, exited };
}

function waitForOutput(child: Child, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`${child.name} did not print ${pattern} within ${timeoutMs} ms (see ${join(LOG_DIR, child.name + '.log')})`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (pattern.test(seen)) done();
    };
    const onExit = (code: number | null) => done(new Error(`${child.name} exited with code ${code} while starting (see ${join(LOG_DIR, child.name + '.log')})`));
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.process.stdout?.off('data', onData);
      child.process.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    child.process.stdout?.on('data', onData);
    child.process.once('exit', onExit);
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs} ms`);
}

export interface BenchStack {
  config: AppConfig;
  env: NodeJS.ProcessEnv;
  temporal: DevServer;
  temporalBinary: string;
  apiUrl: string;
  api: Child;
  /** The current worker process (a restart replaces it). */
  worker: Child;
  /** Stops the worker (SIGTERM, it drains) and starts a new one; resolves when it polls again. */
  restartWorker(between?: () => Promise<void>): Promise<{ stoppedSeconds: number; startSeconds: number }>;
  /** A connection to the bench database, for the bench's own reads and the seeding. */
  db: Connection;
  stop(): Promise<void>;
}

async function stopChild(child: Child, graceMs: number): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
  child.log.end();
}

export async function dropDatabase(config: Pick<AppConfig, 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD'>, dbName: string): Promise<void> {
  if (!/_bench$/.test(dbName)) throw new Error(`refusing to drop ${dbName}: not a bench database`);
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  } finally {
    await admin.end();
  }
}

/**
 * Brings up everything the bench measures, on free ports and a database of its own: the Temporal
 * dev server (in memory), the bench database (recreated, migrated, demo users seeded), then the
 * built worker and API as child processes, so their memory can be sampled.
 * `register` receives each part as soon as it runs, so an abort in the middle still stops it.
 */
export async function startStack(dbName: string, register: (stop: () => Promise<void>) => void): Promise<BenchStack> {
  mkdirSync(LOG_DIR, { recursive: true });
  // toolchain.ts looks in .tools/venv relative to its own compiled place; from dist-bench that is elsewhere, so PATH it is.
  process.env.PATH = [VENV_BIN, ...(process.env.PATH ?? '').split(delimiter)].join(delimiter);
  const temporalBinary = findTool('temporal');

  const temporal = await startTemporalDevServer({ port: await freePort(), log: createWriteStream(join(LOG_DIR, 'temporal.log')) });
  register(() => temporal.stop());

  const env = benchEnvironment({ dbName, temporalAddress: temporal.address, apiPort: await freePort() });
  const config = loadConfig(env);
  if (config.DB_NAME !== dbName || config.DB_NAME === 'fingertip_cases') throw new Error(`refusing to use database ${config.DB_NAME}`);

  await dropDatabase(config, dbName);
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await migrateDatabase(config);
  const db = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD, database: dbName, timezone: 'Z', supportBigNumbers: true });
  register(() => db.end().catch(() => undefined));

  let worker = launch('worker', 'dist/apps/worker/src/main.js', env);
  register(() => stopChild(worker, 30_000));
  await waitForOutput(worker, /polling task queue/, 180_000);
  const api = launch('api', 'dist/apps/api/src/main.js', env);
  register(() => stopChild(api, 10_000));
  const apiUrl = `http://127.0.0.1:${config.API_PORT}`;
  await Promise.race([waitForHealth(`${apiUrl}/health`, 120_000), api.exited.then((code) => Promise.reject(new Error(`api exited with code ${code} (see ${join(LOG_DIR, 'api.log')})`)))]);

  const stack: BenchStack = {
    config,
    env,
    temporal,
    temporalBinary,
    apiUrl,
    api,
    worker,
    async restartWorker(between) {
      const stopped = Date.now();
      worker.stopping = true;
      await stopChild(worker, 30_000);
      await between?.();
      const starting = Date.now();
      worker = launch('worker', 'dist/apps/worker/src/main.js', env, true);
      stack.worker = worker;
      await waitForOutput(worker, /polling task queue/, 180_000);
      return { stoppedSeconds: (starting - stopped) / 1000, startSeconds: (Date.now() - starting) / 1000 };
    },
    db,
    async stop() {
      await stopChild(api, 10_000);
      await stopChild(worker, 30_000);
      await db.end().catch(() => undefined);
      await temporal.stop();
    },
  };
  return stack;
}
