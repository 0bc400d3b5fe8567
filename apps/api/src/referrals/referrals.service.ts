import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Repository } from 'typeorm';
import { referralWorkflowId, type ReferralAction, type ReferralState } from '@app/domain';
import { ReferralEntity } from '@app/database';
import type { StaffUser } from '../auth/staff-user';
import { sendUpdate } from '../workflow-gateway/workflow-updates';
import { ReferralResponse, type ListReferralsQuery, type ReferralListResponse } from './referrals.dtos';

/** The referral inbox of a discipline body and the actions on its referrals. */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly client: Client,
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
  ) {}

  /** The referrals the officer's body holds now: awaiting acknowledgement first, oldest first, a page at a time. */
  async inbox(user: StaffUser, query: ListReferralsQuery): Promise<ReferralListResponse> {
    const [rows, total] = await this.referrals.findAndCount({
      where: { disciplineOrgId: user.organizationId },
      order: { status: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(ReferralResponse.of), total, page: query.page, pageSize: query.pageSize };
  }

  /** Only the body that currently holds the referral acts on it; the workflow's validator checks it again. */
  async update<Arg>(user: StaffUser, id: string, update: UpdateDefinition<ReferralState, [Arg], ReferralAction>, arg: Arg): Promise<ReferralResponse> {
    const row = await this.referrals.findOneBy({ id });
    if (!row || row.disciplineOrgId !== user.organizationId) throw new NotFoundException('Referral not found');
    await sendUpdate(this.client.workflow.getHandle(referralWorkflowId(id)), update, arg);
    return ReferralResponse.of(await this.referrals.findOneByOrFail({ id }));
  }
}
