import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@app/config';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseEntity } from './entities/case.entity';
import { OrganizationEntity } from './entities/organization.entity';
import { UserEntity } from './entities/user.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';

export const ENTITIES = [OrganizationEntity, UserEntity, CaseEntity, CaseEventEntity];

/** Listed in order; a committed migration is never edited, a change is a new one. */
export const MIGRATIONS = [InitialSchema1763800000000];

type DbSettings = Pick<AppConfig, 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD' | 'DB_NAME'>;

export function dataSourceOptions(config: DbSettings): DataSourceOptions {
  return {
    type: 'mysql',
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    // All instants are stored in UTC; display in Beijing time is the client's concern.
    timezone: 'Z',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    extra: { connectionLimit: 20 },
  };
}
