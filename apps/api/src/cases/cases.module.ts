import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [DatabaseModule],
  controllers: [CasesController],
  providers: [CasesService, JurisdictionService],
})
export class CasesModule {}
