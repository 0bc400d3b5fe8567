import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

@Module({ imports: [DatabaseModule, AccessModule, AuditModule], controllers: [DirectoryController], providers: [DirectoryService] })
export class DirectoryModule {}
