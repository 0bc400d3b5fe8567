import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CalendarModule } from '@app/calendar';
import { DatabaseModule } from '@app/database';
import { CaseDecisionWriter } from './case-decision.writer';
import { CaseProjectionWriter } from './case-projection.writer';
import { CircularWriter } from './circular.writer';
import { NotificationWriter } from './notification.writer';
import { OrganizationDirectory } from './organization-directory';
import { ReferralWriter } from './referral.writer';

const PROVIDERS = [CaseDecisionWriter, CaseProjectionWriter, CircularWriter, NotificationWriter, OrganizationDirectory, ReferralWriter];

@Module({
  imports: [DatabaseModule, AuditModule, CalendarModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ProjectionModule {}
