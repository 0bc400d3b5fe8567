import { rmSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../../libs/config/src';

export default async function globalTeardown(): Promise<void> {
  await globalThis.testTemporalServer?.stop();
  globalThis.testTemporalServer = undefined;
  if (process.env.WORKFLOW_BUNDLE_PATH) rmSync(process.env.WORKFLOW_BUNDLE_PATH, { force: true });
  if (process.env.STORAGE_DIR?.includes('fingertip-evidence-test-')) rmSync(process.env.STORAGE_DIR, { recursive: true, force: true });
  const config = loadConfig();
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
  await admin.end();
}
