import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsNull, Repository } from 'typeorm';
import { NotificationEntity } from '@app/database';
import { CurrentUser } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ApiNullableProperty } from '../common/api-nullable';
import { PageQuery } from '../common/page.query';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  unread?: boolean;

}

export class NotificationResponse {
  @ApiProperty() id: string;
  @ApiProperty() notice: string;
  @ApiProperty() message: string;
  @ApiNullableProperty(String) caseId: string | null;
  @ApiNullableProperty(String) referralId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiNullableProperty(Date) readAt: Date | null;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse] }) items: NotificationResponse[];
  @ApiProperty() total: number;
  @ApiProperty() unread: number;
}

/** The signed-in user's in-app inbox: warnings, reminders, supervision orders, referrals. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  @Get()
  @ApiOkResponse({ type: NotificationListResponse })
  async list(@CurrentUser() user: StaffUser, @Query() query: ListNotificationsQuery): Promise<NotificationListResponse> {
    const where = { userId: user.id, ...(query.unread === true ? { readAt: IsNull() } : {}) };
    const [rows, total] = await this.notifications.findAndCount({ where, order: { createdAt: 'DESC', id: 'DESC' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    const unread = await this.notifications.countBy({ userId: user.id, readAt: IsNull() });
    return { items: rows.map(({ id, notice, message, caseId, referralId, createdAt, readAt }) => ({ id, notice, message, caseId, referralId, createdAt, readAt })), total, unread };
  }

  @Post(':id/read')
  @HttpCode(204)
  async markRead(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException('Notification not found');
    const result = await this.notifications.update({ id, userId: user.id }, { readAt: new Date() });
    if (!result.affected) throw new NotFoundException('Notification not found');
  }
}
