import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { PublicCasesController } from './public-cases.controller';
import { PublicCasesService } from './public-cases.service';

@Module({ imports: [DatabaseModule], controllers: [PublicCasesController], providers: [PublicCasesService] })
export class PublicCasesModule {}
