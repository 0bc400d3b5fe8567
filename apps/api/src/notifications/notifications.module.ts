import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { NotificationsController } from './notifications.controller';

@Module({ imports: [DatabaseModule], controllers: [NotificationsController] })
export class NotificationsModule {}
