import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [DatabaseModule, AccessModule, AuditModule],
  controllers: [CasesController],
  providers: [CasesService],
})
export class CasesModule {}
