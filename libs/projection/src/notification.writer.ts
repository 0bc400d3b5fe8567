import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Recipient } from '@app/domain';
import { NotificationEntity, UserEntity } from '@app/database';
import { OrganizationDirectory } from './organization-directory';

export interface NoticeRequest {
  caseId: string | null;
  referralId: string | null;
  /** Unique per notice within its case or referral, so a retried fan-out adds nothing. */
  key: string;
  notice: string;
  message: string;
  to: Recipient[];
  at: string;
}

/** Fans a notice out into the in-app inboxes of the users it is meant for. */
@Injectable()
export class NotificationWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
  ) {}

  async send(request: NoticeRequest): Promise<number> {
    return this.sendIn(this.dataSource.manager, request);
  }

  /**
   * The same fan-out through `em`: inside a caller's transaction the notice commits or rolls back with the
   * caller's other writes. (userId, key) is unique, so writing it again adds nothing.
   */
  async sendIn(em: EntityManager, request: NoticeRequest): Promise<number> {
    const userIds = new Set<number>();
    for (const recipient of request.to) {
      const orgId = recipient.level === 'SUPERVISING' ? await this.directory.supervisingOffice(recipient.orgId, em) : recipient.orgId;
      const users = await em.getRepository(UserEntity).find({
        where: { organizationId: orgId, active: true, ...(recipient.role ? { role: recipient.role } : {}) },
        select: { id: true },
      });
      users.forEach((u) => userIds.add(u.id));
    }
    if (userIds.size === 0) return 0;
    await em
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(
        [...userIds].map((userId) => ({
          userId,
          caseId: request.caseId,
          referralId: request.referralId,
          dedupeKey: request.key,
          notice: request.notice,
          message: request.message.slice(0, 500),
          createdAt: new Date(request.at),
          readAt: null,
        })),
      )
      .orIgnore()
      .execute();
    return userIds.size;
  }
}
