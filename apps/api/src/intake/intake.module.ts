import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { CaseIntakeService } from './case-intake.service';
import { IntakeLedger } from './intake-ledger.service';
import { RegionDirectory } from './region-directory.service';

@Module({
  imports: [DatabaseModule],
  providers: [CaseIntakeService, RegionDirectory, IntakeLedger],
  exports: [CaseIntakeService],
})
export class IntakeModule {}
