import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { migrateDatabase } from '@app/database';
import { isPortOpen, startTemporalDevServer, type DevServer } from './temporal-dev-server';
import { PROJECT_ROOT } from './toolchain';

const DATA_DIR = join(PROJECT_ROOT, '.data');
const TEMPORAL_UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

/** Secrets for the local stack, made once and kept in .data so tokens and sealed data survive restarts. */
function devSecrets(): Record<string, string> {
  const file = join(DATA_DIR, 'dev-secrets.json');
  if (!existsSync(file)) {
    const secrets = {
      JWT_SECRET: randomBytes(32).toString('hex'),
      INTAKE_SECRET: randomBytes(32).toString('hex'),
      PII_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
      PII_ACTIVE_KEY_ID: 'dev1',
    };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return child;
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs} ms`);
}

/** The ops listeners that are on (a port of 0 turns one off). */
function opsLines(config: ReturnType<typeof loadConfig>): string[] {
  const at = (port: number, path: string) => `http://${config.OPS_HOST}:${port}${path}`;
  return [
    config.METRICS_PORT ? `  API metrics      ${at(config.METRICS_PORT, '/metrics')}` : '',
    config.WORKER_OPS_PORT ? `  Worker ops       ${at(config.WORKER_OPS_PORT, '/metrics')}  (/live, /ready)` : '',
    config.TEMPORAL_METRICS_PORT ? `  Temporal SDK     ${at(config.TEMPORAL_METRICS_PORT, '/metrics')}` : '',
  ].filter(Boolean);
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  // Readable lines on a developer's console; LOG_FORMAT=json shows what production writes.
  const env: NodeJS.ProcessEnv = { ...devSecrets(), LOG_FORMAT: 'pretty', ...process.env };
  const config = loadConfig(env);
  const temporalPort = Number(config.TEMPORAL_ADDRESS.split(':').pop());

  if (await isPortOpen(config.API_PORT, config.API_HOST)) {
    throw new Error(`port ${config.API_PORT} is already in use: is the stack already running? (set API_PORT to use another)`);
  }

  let temporal: DevServer | null = null;
  if (await isPortOpen(temporalPort)) {
    console.log(`Temporal already answers on ${config.TEMPORAL_ADDRESS}; using it`);
  } else {
    console.log('starting the Temporal dev server (state in .data/temporal.db)');
    temporal = await startTemporalDevServer({
      port: temporalPort,
      uiPort: TEMPORAL_UI_PORT,
      dbFile: join(DATA_DIR, 'temporal.db'),
      log: createWriteStream(join(DATA_DIR, 'temporal.log'), { flags: 'a' }),
    });
  }

  const report = await migrateDatabase(config);
  console.log(`database ${config.DB_NAME}: ${report.applied.length} migration(s) applied${report.seeded ? ', demo data seeded' : ''}`);

  const children = [launch('worker', 'dist/apps/worker/src/main.js', env), launch('api', 'dist/apps/api/src/main.js', env)];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await temporal?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`a component exited unexpectedly (code ${code}); stopping the stack`);
        void stop(1);
      }
    });
  }

  const api = `http://${config.API_HOST}:${config.API_PORT}`;
  await waitForHealth(`${api}/health`);
  console.log(
    [
      '',
      'The system is up (Ctrl-C stops it):',
      `  Staff console    ${api}/console/`,
      `  Complaint page   ${api}/m/   (for phones)`,
      `  API              ${api}/api/v1`,
      `  OpenAPI docs     ${api}/api/docs`,
      `  Health           ${api}/health   (probes: /health/live, /health/ready)`,
      ...opsLines(config),
      `  Temporal UI      http://127.0.0.1:${TEMPORAL_UI_PORT}${temporal ? '' : ' (if the running server has a UI)'}`,
      '  Demo users       see README.md ("Demo users"), password Demo#2026',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
