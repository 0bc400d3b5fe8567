import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { seedDemoData } from './seed/demo-seed';

type DbSettings = Pick<AppConfig, 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD' | 'DB_NAME' | 'SEED_DEMO'>;

export interface MigrationReport {
  applied: string[];
  seeded: boolean;
}

/**
 * Applies pending migrations (each in its own transaction) and, when SEED_DEMO asks for it, seeds an empty
 * database with the demo users: never because of NODE_ENV, so a production database gets them only by request.
 */
export async function migrateDatabase(config: DbSettings): Promise<MigrationReport> {
  const dataSource = new DataSource({ ...dataSourceOptions(config), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    const seeded = config.SEED_DEMO ? await seedDemoData(dataSource) : false;
    return { applied: applied.map((m) => m.name), seeded };
  } finally {
    await dataSource.destroy();
  }
}
