import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

@Module({ imports: [DatabaseModule, AuditModule], controllers: [DirectoryController], providers: [DirectoryService, JurisdictionService] })
export class DirectoryModule {}
