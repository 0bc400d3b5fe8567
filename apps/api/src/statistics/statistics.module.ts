import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

@Module({
  imports: [DatabaseModule, AccessModule],
  controllers: [StatisticsController],
  providers: [StatisticsService],
  exports: [StatisticsService],
})
export class StatisticsModule {}
