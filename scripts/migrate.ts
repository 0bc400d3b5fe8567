import 'reflect-metadata';
import { Connection } from '@temporalio/client';
import { loadConfig } from '@app/config';
import { migrateDatabase } from '@app/database';
import { ensureCaseSearchAttributes, temporalConnectionOptions } from '@app/temporal';

/**
 * `npm run migrate`, and the deploy's migration job: applies pending migrations (as DB_MIGRATE_USER when set,
 * granting DB_USER its table privileges), seeds the demo data when SEED_DEMO=1, and registers the case search
 * attributes on the Temporal namespace, so a new cluster is ready before the first worker starts.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, { appSecrets: false });
  const report = await migrateDatabase(config);
  console.log(`migrations applied: ${report.applied.length ? report.applied.join(', ') : 'none pending'}`);
  if (report.granted.length) console.log(`${config.DB_USER} granted its privileges on ${report.granted.length} tables`);
  if (report.seeded) console.log('demo organizations and users seeded');

  const connection = await Connection.connect({ ...temporalConnectionOptions(config), connectTimeout: '10s' }).catch((error: unknown) => {
    throw new Error(`Temporal at ${config.TEMPORAL_ADDRESS} did not answer: ${(error as Error).message}`);
  });
  try {
    const added = await ensureCaseSearchAttributes(connection.operatorService, config.TEMPORAL_NAMESPACE);
    console.log(`search attributes on namespace ${config.TEMPORAL_NAMESPACE}: ${added.length ? `added ${added.join(', ')}` : 'all present'}`);
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`migrate: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
