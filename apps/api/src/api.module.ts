import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { PrivacyModule } from '@app/privacy';
import { TemporalModule } from '@app/temporal';
import { AbuseModule } from './abuse/abuse.module';
import { AuditApiModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarAdminModule } from './calendar-admin/calendar-admin.module';
import { CaseActionsModule } from './case-actions/case-actions.module';
import { CasesModule } from './cases/cases.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { DirectoryModule } from './admin-directory/directory.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PublicCasesModule } from './public-cases/public-cases.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RegionsModule } from './regions/regions.module';
import { SavedFiltersModule } from './saved-filters/saved-filters.module';
import { SlaPoliciesModule } from './sla-policies/sla-policies.module';
import { SpotChecksModule } from './spot-checks/spot-checks.module';
import { StatisticsModule } from './statistics/statistics.module';
import { CircularsModule } from './circulars/circulars.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    PrivacyModule,
    AuthModule,
    AbuseModule,
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
    AuditApiModule,
    RegionsModule,
    HealthModule,
    WebModule,
  ],
})
export class ApiModule {}
