import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuditController } from './audit.controller';

/** GET /api/v1/audit and /api/v1/audit/verify; the trail itself is libs/audit's AuditModule. */
@Module({
  imports: [AuditModule],
  controllers: [AuditController],
})
export class AuditApiModule {}
