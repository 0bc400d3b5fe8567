import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [DatabaseModule, AuditModule],
  controllers: [CasesController],
  providers: [CasesService, JurisdictionService],
})
export class CasesModule {}
