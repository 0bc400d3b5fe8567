import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Repository } from 'typeorm';
import { ACCOUNTABILITY_OUTCOMES, referralWorkflowId, type AccountabilityOutcome, type ReferralState } from '@app/domain';
import { ReferralEntity } from '@app/database';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ErrorResponse } from '../common/error-response';
import { sendUpdate } from '../workflow-gateway/workflow-updates';
import { ApiNullableProperty } from '../common/api-nullable';

export class AcknowledgeReferralDto {
  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 2000)
  note?: string;
}

export class ConcludeReferralDto {
  @ApiProperty({ enum: ACCOUNTABILITY_OUTCOMES, description: '问责结果' })
  @IsIn(ACCOUNTABILITY_OUTCOMES)
  outcome: AccountabilityOutcome;

  @ApiProperty()
  @IsString() @Length(1, 5000)
  conclusion: string;
}

export class ReferralResponse {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() reason: string;
  @ApiProperty() status: string;
  @ApiProperty() disciplineOrgId: number;
  @ApiProperty() escalations: number;
  @ApiNullableProperty(String) outcome: string | null;
  @ApiNullableProperty(String) conclusion: string | null;
  @ApiNullableProperty(Date) ackDeadlineAt: Date | null;
  @ApiNullableProperty(Date) concludeDeadlineAt: Date | null;
  @ApiNullableProperty(Object, { additionalProperties: true, description: 'Case file, timeline, finding and evidence list' }) package: unknown;
  @ApiProperty() createdAt: Date;
}

/** The discipline officer's inbox of referrals (移送) and the actions on them. */
@ApiTags('referrals')
@ApiBearerAuth()
@Roles('DISCIPLINE_OFFICER')
@Controller('api/v1/referrals')
export class ReferralsController {
  constructor(
    private readonly client: Client,
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ReferralResponse] })
  async inbox(@CurrentUser() user: StaffUser): Promise<ReferralResponse[]> {
    const rows = await this.referrals.find({ where: { disciplineOrgId: user.organizationId }, order: { status: 'ASC', createdAt: 'ASC' }, take: 200 });
    return rows.map(toResponse);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async acknowledge(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() body: AcknowledgeReferralDto): Promise<ReferralResponse> {
    return this.update(user, id, 'acknowledge', { actor: actorOf(user), note: body.note });
  }

  @Post(':id/conclude')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  async conclude(@CurrentUser() user: StaffUser, @Param('id') id: string, @Body() body: ConcludeReferralDto): Promise<ReferralResponse> {
    return this.update(user, id, 'conclude', { actor: actorOf(user), outcome: body.outcome, conclusion: body.conclusion });
  }

  /** Only the body that currently holds the referral acts on it. */
  private async update(user: StaffUser, id: string, name: 'acknowledge' | 'conclude', arg: unknown): Promise<ReferralResponse> {
    const row = await this.referrals.findOneBy({ id });
    if (!row || row.disciplineOrgId !== user.organizationId) throw new NotFoundException('Referral not found');
    await sendUpdate<ReferralState>(this.client.workflow.getHandle(referralWorkflowId(id)), name, arg);
    return toResponse(await this.referrals.findOneByOrFail({ id }));
  }
}

function actorOf(user: StaffUser) {
  return { userId: user.id, role: user.role, organizationId: user.organizationId };
}

function toResponse(r: ReferralEntity): ReferralResponse {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNo: r.caseNo,
    reason: r.reason,
    status: r.status,
    disciplineOrgId: r.disciplineOrgId,
    escalations: r.escalations,
    outcome: r.outcome,
    conclusion: r.conclusion,
    ackDeadlineAt: r.ackDeadlineAt,
    concludeDeadlineAt: r.concludeDeadlineAt,
    package: r.package ? JSON.parse(r.package) : null,
    createdAt: r.createdAt,
  };
}
