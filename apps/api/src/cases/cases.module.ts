import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CalendarModule } from '@app/calendar';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [DatabaseModule, AccessModule, AuditModule, CalendarModule],
  controllers: [CasesController],
  providers: [CasesService],
})
export class CasesModule {}
