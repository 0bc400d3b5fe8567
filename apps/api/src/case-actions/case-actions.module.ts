import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { CaseActionsController } from './case-actions.controller';
import { CaseActionsService } from './case-actions.service';

@Module({
  imports: [DatabaseModule, AccessModule],
  controllers: [CaseActionsController],
  providers: [CaseActionsService],
})
export class CaseActionsModule {}
