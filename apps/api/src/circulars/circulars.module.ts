import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { CircularsController } from './circulars.controller';
import { CircularsService } from './circulars.service';

@Module({
  imports: [DatabaseModule, AccessModule, StatisticsModule],
  controllers: [CircularsController],
  providers: [CircularsService],
})
export class CircularsModule {}
