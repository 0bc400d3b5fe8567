import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { IntakeModule } from '../intake/intake.module';
import { RegistryModule } from '../registry/registry.module';
import { SpotChecksController } from './spot-checks.controller';

@Module({ imports: [DatabaseModule, AccessModule, IntakeModule, RegistryModule], controllers: [SpotChecksController] })
export class SpotChecksModule {}
