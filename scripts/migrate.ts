import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { migrateDatabase } from '@app/database';

/** `npm run migrate`: applies pending migrations; seeds the demo data when SEED_DEMO=1. */
async function main(): Promise<void> {
  const config = loadConfig();
  const report = await migrateDatabase(config);
  console.log(`migrations applied: ${report.applied.length ? report.applied.join(', ') : 'none pending'}`);
  if (report.seeded) console.log('demo organizations and users seeded');
}

main().catch((error) => {
  console.error(`migrate: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
