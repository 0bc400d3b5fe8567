import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import { CaseActionsController } from './case-actions.controller';
import { CaseActionsService } from './case-actions.service';

@Module({
  imports: [DatabaseModule],
  controllers: [CaseActionsController],
  providers: [CaseActionsService, JurisdictionService],
})
export class CaseActionsModule {}
