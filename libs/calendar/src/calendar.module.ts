import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CalendarBroadcastEntity } from './calendar-broadcast.entity';
import { CalendarDayOverrideEntity } from './calendar-day-override.entity';
import { CalendarService } from './calendar.service';

@Module({
  imports: [TypeOrmModule.forFeature([CalendarDayOverrideEntity, CalendarBroadcastEntity]), AuditModule],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
