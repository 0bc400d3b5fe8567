import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { JurisdictionService } from './jurisdiction.service';

/** Who may see what: one JurisdictionService for every context that scopes cases or organizations. */
@Module({
  imports: [DatabaseModule],
  providers: [JurisdictionService],
  exports: [JurisdictionService],
})
export class AccessModule {}
