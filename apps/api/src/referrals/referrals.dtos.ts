import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ACCOUNTABILITY_OUTCOMES, type AccountabilityOutcome } from '@app/domain';
import type { ReferralEntity } from '@app/database';
import { ApiNullableProperty } from '../common/api-nullable';
import { PageQuery } from '../common/page.query';

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

export class ListReferralsQuery extends PageQuery {}

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
  @ApiNullableProperty(String, { description: 'SHA-256 of the referral package PDF (POST /referrals/{id}/package/link downloads it); null until the worker has built it' })
  packageSha256: string | null;
  @ApiNullableProperty('integer', { description: 'Size of the package PDF in bytes' }) packageSize: number | null;
  @ApiNullableProperty(Date) packageBuiltAt: Date | null;
  @ApiProperty() createdAt: Date;

  static of(r: ReferralEntity): ReferralResponse {
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
      packageSha256: r.packageSha256,
      packageSize: r.packageSize,
      packageBuiltAt: r.packageBuiltAt,
      createdAt: r.createdAt,
    };
  }
}

export class ReferralListResponse {
  @ApiProperty({ type: [ReferralResponse] }) items: ReferralResponse[];
  @ApiProperty({ description: 'Referrals the body holds, in all pages' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
