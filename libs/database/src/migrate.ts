import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { seedDemoData } from './seed/demo-seed';

type DbSettings = Pick<AppConfig, 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD' | 'DB_NAME'>;

export interface MigrationReport {
  applied: string[];
  seeded: boolean;
}

/** Applies pending migrations (each in its own transaction) and, if asked, seeds an empty database. */
export async function migrateDatabase(config: DbSettings, options: { seedDemo: boolean }): Promise<MigrationReport> {
  const dataSource = new DataSource({ ...dataSourceOptions(config), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    const seeded = options.seedDemo ? await seedDemoData(dataSource) : false;
    return { applied: applied.map((m) => m.name), seeded };
  } finally {
    await dataSource.destroy();
  }
}
