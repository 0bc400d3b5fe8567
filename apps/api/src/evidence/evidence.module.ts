import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { ProjectionModule } from '@app/projection';
import { AccessModule } from '../access/access.module';
import { DownloadLinks } from './download-links';
import { EvidenceDownloadsService } from './evidence-downloads.service';
import { EvidenceController, EvidenceDownloadController, PublicEvidenceController } from './evidence.controller';
import { EvidenceUploadsService } from './evidence-uploads.service';

/** Evidence files: uploads, listing, signed download links, and the referral package's download. */
@Module({
  imports: [DatabaseModule, AccessModule, AuditModule, ProjectionModule],
  controllers: [EvidenceController, PublicEvidenceController, EvidenceDownloadController],
  providers: [EvidenceUploadsService, EvidenceDownloadsService, DownloadLinks],
})
export class EvidenceModule {}
