import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { SlaPolicyEntity } from './sla-policy.entity';
import { SlaPolicyService } from './sla-policy.service';

/** Needs the global ConfigModule and a TypeORM root connection whose ENTITIES include SlaPolicyEntity. */
@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicyEntity]), AuditModule],
  providers: [SlaPolicyService],
  exports: [SlaPolicyService],
})
export class SlaModule {}
