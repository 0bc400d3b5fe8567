import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRecordEntity } from './audit-record.entity';
import { AuditTrail } from './audit-trail.service';

/** Needs a TypeORM root connection (DatabaseModule) whose ENTITIES include AuditRecordEntity. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditRecordEntity])],
  providers: [AuditTrail],
  exports: [AuditTrail],
})
export class AuditModule {}
