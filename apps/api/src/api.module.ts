import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { PrivacyModule } from '@app/privacy';
import { TemporalModule } from '@app/temporal';
import { AuthModule } from './auth/auth.module';
import { CalendarAdminModule } from './calendar-admin/calendar-admin.module';
import { CaseActionsModule } from './case-actions/case-actions.module';
import { CasesModule } from './cases/cases.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PublicCasesModule } from './public-cases/public-cases.module';
import { ReferralsModule } from './referrals/referrals.module';
import { SlaPoliciesModule } from './sla-policies/sla-policies.module';
import { SpotChecksModule } from './spot-checks/spot-checks.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    PrivacyModule,
    AuthModule,
    ComplaintsModule,
    SpotChecksModule,
    PublicCasesModule,
    CasesModule,
    CaseActionsModule,
    ReferralsModule,
    NotificationsModule,
    SlaPoliciesModule,
    CalendarAdminModule,
    HealthModule,
  ],
})
export class ApiModule {}
