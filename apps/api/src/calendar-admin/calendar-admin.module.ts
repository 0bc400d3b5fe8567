import { Module } from '@nestjs/common';
import { CalendarModule } from '@app/calendar';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { CalendarAdminController } from './calendar-admin.controller';
import { CalendarBroadcasts } from './calendar-broadcasts.service';

@Module({ imports: [DatabaseModule, CalendarModule, AccessModule], controllers: [CalendarAdminController], providers: [CalendarBroadcasts], exports: [CalendarBroadcasts] })
export class CalendarAdminModule {}
