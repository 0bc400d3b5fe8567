import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { SavedFiltersController } from './saved-filters.controller';
import { SavedFiltersService } from './saved-filters.service';

@Module({ imports: [DatabaseModule], controllers: [SavedFiltersController], providers: [SavedFiltersService] })
export class SavedFiltersModule {}
