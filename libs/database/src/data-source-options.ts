import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@app/config';
import { AuditRecordEntity } from '../../audit/src/audit-record.entity';
import { CalendarBroadcastEntity } from '../../calendar/src/calendar-broadcast.entity';
import { CalendarDayOverrideEntity } from '../../calendar/src/calendar-day-override.entity';
import { SlaPolicyEntity } from '../../sla/src/sla-policy.entity';
import { CaseEventEntity } from './entities/case-event.entity';
import { EvidenceFileEntity } from './entities/evidence-file.entity';
import { CaseIntakeEntity } from './entities/case-intake.entity';
import { CaseEntity } from './entities/case.entity';
import { LoginAttemptEntity } from './entities/login-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { OrganizationEntity } from './entities/organization.entity';
import { ReferralEntity } from './entities/referral.entity';
import { RegistryEntryVersionEntity } from './entities/registry-entry-version.entity';
import { RegistryEntryEntity } from './entities/registry-entry.entity';
import { RegistryScoreWeightsEntity } from './entities/registry-score-weights.entity';
import { SavedFilterEntity } from './entities/saved-filter.entity';
import { UserEntity } from './entities/user.entity';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { SlaPolicies1763800000001 } from './migrations/1763800000001-sla-policies';
import { CalendarOverrides1763800000002 } from './migrations/1763800000002-calendar-overrides';
import { CaseLifecycle1763800000003 } from './migrations/1763800000003-case-lifecycle';
import { LoginAttempts1763800000004 } from './migrations/1763800000004-login-attempts';
import { AuditRecords1763800000005 } from './migrations/1763800000005-audit-records';
import { CaseListIndexes1763800000006 } from './migrations/1763800000006-case-list-indexes';
import { CaseIntakes1763800000020 } from './migrations/1763800000020-case-intakes';
import { TokenVersion1763800000010 } from './migrations/1763800000010-token-version';
import { SharedRateLimits1763800000011 } from './migrations/1763800000011-shared-rate-limits';
import { CalendarBroadcasts1763800000012 } from './migrations/1763800000012-calendar-broadcasts';
import { RevisitWindow1763800000030 } from './migrations/1763800000030-revisit-window';
import { CaseStalls1763800000035 } from './migrations/1763800000035-case-stalls';
import { EvidenceFiles1763800000040 } from './migrations/1763800000040-evidence-files';
import { SavedFilters1763800000045 } from './migrations/1763800000045-saved-filters';
import { Registry1763800000060 } from './migrations/1763800000060-registry';
import { RegistryScoreWeights1763800000061 } from './migrations/1763800000061-registry-score-weights';
import { CaseRegistryEntry1763800000062 } from './migrations/1763800000062-case-registry-entry';
import { RegistryLookup1763800000063 } from './migrations/1763800000063-registry-lookup';
import { CaseStatistics1763800000070 } from './migrations/1763800000070-case-statistics';
import { Circulars1763800000071 } from './migrations/1763800000071-circulars';
import { AuditChains1763800000080 } from './migrations/1763800000080-audit-chains';
import { Campaigns1763800000090 } from './migrations/1763800000090-campaigns';

export const ENTITIES = [
  OrganizationEntity, UserEntity, CaseEntity, CaseEventEntity, NotificationEntity, ReferralEntity, SlaPolicyEntity, CalendarDayOverrideEntity, CalendarBroadcastEntity, LoginAttemptEntity,
  AuditRecordEntity, CaseIntakeEntity, EvidenceFileEntity, SavedFilterEntity,
  RegistryEntryEntity, RegistryEntryVersionEntity, RegistryScoreWeightsEntity,
];

/** Listed in order; a committed migration is never edited, a change is a new one. */
export const MIGRATIONS = [
  InitialSchema1763800000000, SlaPolicies1763800000001, CalendarOverrides1763800000002, CaseLifecycle1763800000003, LoginAttempts1763800000004, AuditRecords1763800000005, CaseListIndexes1763800000006,
  TokenVersion1763800000010, SharedRateLimits1763800000011, CalendarBroadcasts1763800000012,
  CaseIntakes1763800000020,
  RevisitWindow1763800000030,
  CaseStalls1763800000035,
  EvidenceFiles1763800000040,
  SavedFilters1763800000045,
  Registry1763800000060, RegistryScoreWeights1763800000061, CaseRegistryEntry1763800000062, RegistryLookup1763800000063,
  CaseStatistics1763800000070,
  Circulars1763800000071,
  AuditChains1763800000080,
  Campaigns1763800000090,
];

type DbSettings = Pick<AppConfig, 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD' | 'DB_NAME'> & Partial<Pick<AppConfig, 'DB_POOL_SIZE'>>;

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
    // Per process: N replicas and workers open up to N × DB_POOL_SIZE connections (max_connections).
    extra: { connectionLimit: config.DB_POOL_SIZE ?? 20 },
  };
}
