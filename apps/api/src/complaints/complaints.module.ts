import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { RegistryModule } from '../registry/registry.module';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';

@Module({
  imports: [IntakeModule, RegistryModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService],
})
export class ComplaintsModule {}
