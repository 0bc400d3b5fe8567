import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { raw } from 'express';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { PublicRegistryController } from './public-registry.controller';
import { RegistryController } from './registry.controller';
import { RegistryLookupService } from './registry-lookup.service';
import { RegistryImportService } from './registry-import.service';
import { MonitoringService } from './monitoring.service';
import { RegistryReach } from './registry-reach';
import { RegistryService } from './registry.service';
import { IMPORT_MAX_BYTES, IMPORT_TYPES } from './registry-sheet';

@Module({
  imports: [DatabaseModule, AccessModule, AuditModule],
  controllers: [RegistryController, PublicRegistryController],
  providers: [RegistryService, RegistryImportService, RegistryReach, MonitoringService, RegistryLookupService],
  exports: [RegistryLookupService],
})
export class RegistryModule implements NestModule {
  /** The import takes the workbook's bytes as its body: only on that route, and only this large. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(raw({ type: IMPORT_TYPES, limit: IMPORT_MAX_BYTES })).forRoutes({ path: 'api/v1/registry/import', method: RequestMethod.POST });
  }
}
