import { Module } from '@nestjs/common';
import { SlaModule } from '@app/sla';
import { SlaPoliciesController } from './sla-policies.controller';

@Module({
  imports: [SlaModule],
  controllers: [SlaPoliciesController],
})
export class SlaPoliciesModule {}
