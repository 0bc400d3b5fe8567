import { Module } from '@nestjs/common';
import { SlaModule } from '@app/sla';
import { AccessModule } from '../access/access.module';
import { SlaPoliciesController } from './sla-policies.controller';

@Module({
  imports: [SlaModule, AccessModule],
  controllers: [SlaPoliciesController],
})
export class SlaPoliciesModule {}
