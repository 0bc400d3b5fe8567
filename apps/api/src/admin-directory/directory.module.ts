import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

@Module({ imports: [DatabaseModule], controllers: [DirectoryController], providers: [DirectoryService, JurisdictionService] })
export class DirectoryModule {}
