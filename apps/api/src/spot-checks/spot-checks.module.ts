import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import { IntakeModule } from '../intake/intake.module';
import { SpotChecksController } from './spot-checks.controller';

@Module({ imports: [DatabaseModule, IntakeModule], controllers: [SpotChecksController], providers: [JurisdictionService] })
export class SpotChecksModule {}
