import 'reflect-metadata';
// Runs outside Jest's module mapping: libs are imported by relative path here.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../../libs/config/src';
import { migrateDatabase } from '../../libs/database/src/migrate';
import { startTemporalDevServer, type DevServer } from '../../scripts/temporal-dev-server';
import { testEnvironment } from './test-env';
import { bundleCaseWorkflows } from '../../apps/worker/src/case-worker';
import { freePort } from '../../scripts/free-port';

declare global {
  var testTemporalServer: DevServer | undefined;
}

/**
 * Brings up the real stack once per Jest run: a Temporal dev server on a free port, a fresh
 * test database with migrations and demo data, and the workflow bundle built once.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.testTemporalServer) return; // integration and e2e share it

  const temporal = await startTemporalDevServer({ port: await freePort() });
  globalThis.testTemporalServer = temporal;
  Object.assign(process.env, testEnvironment(temporal.address));

  const config = loadConfig();
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
  await admin.query(`CREATE DATABASE \`${config.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await migrateDatabase(config);

  const { code } = await bundleCaseWorkflows(quietLogger);
  const bundlePath = join(tmpdir(), `case-workflows-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  process.env.WORKFLOW_BUNDLE_PATH = bundlePath;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
