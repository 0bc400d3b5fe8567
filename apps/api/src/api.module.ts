import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { PrivacyModule } from '@app/privacy';
import { TemporalModule } from '@app/temporal';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { HealthModule } from './health/health.module';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, PrivacyModule, AuthModule, ComplaintsModule, CasesModule, HealthModule],
})
export class ApiModule {}
