import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '@app/config';
import { migrateDatabase } from '@app/database';
import { startTemporalDevServer } from './temporal-dev-server';
import { PROJECT_ROOT } from './toolchain';
import { freePort } from './free-port';

/**
 * The real stack for the browser tests (test/browser): a Temporal dev server in memory on a free port, a
 * fresh database with the demo data, and the built worker and API (serving the built front end) on
 * BROWSER_API_PORT. Stops everything and drops the database on SIGTERM or SIGINT.
 */

async function main(): Promise<void> {
  const logDir = join(PROJECT_ROOT, 'test-results');
  mkdirSync(logDir, { recursive: true });
  const temporal = await startTemporalDevServer({ port: await freePort(), log: createWriteStream(join(logDir, 'browser-temporal.log')) });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DB_NAME: `fingertip_cases_browser_${process.pid}`,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `cases-browser-${process.pid}`,
    API_HOST: '127.0.0.1',
    API_PORT: process.env.BROWSER_API_PORT ?? '3390',
    // The ops listeners stay off: stacks run side by side on one machine.
    METRICS_PORT: '0',
    WORKER_OPS_PORT: '0',
    TEMPORAL_METRICS_PORT: '0',
    JWT_SECRET: randomBytes(32).toString('hex'),
    INTAKE_SECRET: randomBytes(32).toString('hex'),
    PII_KEYS: `browser1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'browser1',
    RATE_LIMIT_PUBLIC_PER_MINUTE: process.env.RATE_LIMIT_PUBLIC_PER_MINUTE ?? '1000',
    RATE_LIMIT_LOGIN_PER_MINUTE: process.env.RATE_LIMIT_LOGIN_PER_MINUTE ?? '1000',
    SEED_DEMO: '1',
  };
  const config = loadConfig(env);
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
  await admin.query(`CREATE DATABASE \`${config.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await migrateDatabase(config);

  const log = createWriteStream(join(logDir, 'browser-stack.log'));
  const launch = (name: string, script: string): ChildProcess => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => log.write(c.toString().replace(/^(?=.)/gm, `[${name}] `)));
    child.stderr?.on('data', (c: Buffer) => log.write(c.toString().replace(/^(?=.)/gm, `[${name}] `)));
    return child;
  };
  const children = [launch('worker', 'dist/apps/worker/src/main.js'), launch('api', 'dist/apps/api/src/main.js')];

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((c) => new Promise<void>((done) => (c.exitCode !== null ? done() : (c.once('exit', () => done()), c.kill('SIGTERM'))))));
    await temporal.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``).catch(() => undefined);
    await admin.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  for (const c of children) c.once('exit', (code) => !stopping && (console.error(`a component exited (code ${code}); see test-results/browser-stack.log`), void stop()));
  console.log(`browser stack: http://127.0.0.1:${config.API_PORT}/console/ (database ${config.DB_NAME}, Temporal ${temporal.address})`);
}

main().catch((error) => {
  console.error(`browser stack: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
