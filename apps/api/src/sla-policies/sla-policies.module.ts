import { Module } from '@nestjs/common';
// Relative until tsconfig has the @app/sla alias.
import { SlaModule } from '@app/sla';
import { SlaPoliciesController } from './sla-policies.controller';

@Module({
  imports: [SlaModule],
  controllers: [SlaPoliciesController],
})
export class SlaPoliciesModule {}
