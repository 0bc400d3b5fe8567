import { Module } from '@nestjs/common';
import { CalendarModule } from '@app/calendar';
import { DatabaseModule } from '@app/database';
import { CalendarAdminController } from './calendar-admin.controller';

@Module({ imports: [DatabaseModule, CalendarModule], controllers: [CalendarAdminController] })
export class CalendarAdminModule {}
