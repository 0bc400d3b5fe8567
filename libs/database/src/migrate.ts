import { DataSource } from 'typeorm';
import { migrationDbCredentials, type AppConfig } from '../../config/src/app-config';
import { grantApplicationPrivileges } from './app-privileges';
import { dataSourceOptions } from './data-source-options';
import { seedDemoData } from './seed/demo-seed';

type DbSettings = Pick<
  AppConfig,
  'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD' | 'DB_NAME' | 'SEED_DEMO' | 'DB_MIGRATE_USER' | 'DB_MIGRATE_PASSWORD' | 'DB_USER_HOST'
>;

export interface MigrationReport {
  applied: string[];
  seeded: boolean;
  /** Tables the application's user was granted its privileges on (none when migrating as that user). */
  granted: string[];
}

/**
 * Applies pending migrations (each in its own transaction) as DB_MIGRATE_USER (DB_USER when unset), grants
 * DB_USER its table privileges when the two differ, and, when SEED_DEMO asks for it, seeds an empty database
 * with the demo users: never because of NODE_ENV, so a production database gets them only by request.
 */
export async function migrateDatabase(config: DbSettings): Promise<MigrationReport> {
  const migrator = migrationDbCredentials(config);
  const dataSource = new DataSource({ ...dataSourceOptions({ ...config, ...migrator }), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    const granted = migrator.DB_USER !== config.DB_USER ? await grantApplicationPrivileges(dataSource, config.DB_USER, config.DB_USER_HOST) : [];
    const seeded = config.SEED_DEMO ? await seedDemoData(dataSource) : false;
    return { applied: applied.map((m) => m.name), seeded, granted };
  } finally {
    await dataSource.destroy();
  }
}
