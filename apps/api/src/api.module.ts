import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { PrivacyModule } from '@app/privacy';
import { StorageModule } from '@app/storage';
import { LoggingModule, type LoggingOptions } from '@app/observability';
import { TemporalModule } from '@app/temporal';
import { AbuseModule } from './abuse/abuse.module';
import { AuditApiModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarAdminModule } from './calendar-admin/calendar-admin.module';
import { CaseActionsModule } from './case-actions/case-actions.module';
import { CasesModule } from './cases/cases.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { DirectoryModule } from './admin-directory/directory.module';
import { EvidenceModule } from './evidence/evidence.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ObservabilityModule } from './observability/observability.module';
import { PublicCasesModule } from './public-cases/public-cases.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RegionsModule } from './regions/regions.module';
import { RegistryModule } from './registry/registry.module';
import { SavedFiltersModule } from './saved-filters/saved-filters.module';
import { SlaPoliciesModule } from './sla-policies/sla-policies.module';
import { SpotChecksModule } from './spot-checks/spot-checks.module';
import { StatisticsModule } from './statistics/statistics.module';
import { CircularsModule } from './circulars/circulars.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    PrivacyModule,
    StorageModule,
    AuthModule,
    AbuseModule,
    // Before CaseActionsModule: its `POST cases/:caseId/:action` would otherwise take `evidence` for an action.
    EvidenceModule,
    ComplaintsModule,
    SpotChecksModule,
    PublicCasesModule,
    CasesModule,
    CaseActionsModule,
    ReferralsModule,
    NotificationsModule,
    SavedFiltersModule,
    SlaPoliciesModule,
    CalendarAdminModule,
    DirectoryModule,
    StatisticsModule,
    CircularsModule,
    CampaignsModule,
    AuditApiModule,
    RegionsModule,
    RegistryModule,
    HealthModule,
    ObservabilityModule,
    WebModule,
  ],
})
export class ApiModule {
  /** The module with the process's logging; tests say where the lines go. */
  static withLogging(options: Omit<LoggingOptions, 'service'> = {}): DynamicModule {
    return { module: ApiModule, imports: [LoggingModule.forRoot({ service: 'api', ...options })] };
  }
}
