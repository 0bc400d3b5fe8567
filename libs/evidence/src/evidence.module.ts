import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { ReferralPackageBuilder } from './referral-package.builder';

/** The worker's side of evidence: building referral packages (the StorageModule provides the content store). */
@Module({
  imports: [DatabaseModule, AuditModule],
  providers: [ReferralPackageBuilder],
  exports: [ReferralPackageBuilder],
})
export class EvidenceModule {}
