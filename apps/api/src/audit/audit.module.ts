import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { AuditReadService } from './audit-read.service';
import { AuditController } from './audit.controller';

/** GET /api/v1/audit and /api/v1/audit/verify; the trail itself is libs/audit's AuditModule. */
@Module({
  imports: [AuditModule, DatabaseModule, AccessModule],
  controllers: [AuditController],
  providers: [AuditReadService],
})
export class AuditApiModule {}
