import { ApiProperty } from '@nestjs/swagger';
import type { CaseEntity } from '@app/database';
import { ApiNullableProperty } from '../common/api-nullable';

/** One line of a case list: no description, no complainant. */
export class CaseSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() source: string;
  @ApiProperty() category: string;
  @ApiProperty() subjectType: string;
  @ApiProperty() subjectName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() stage: string;
  @ApiProperty() step: string;
  @ApiProperty() status: string;
  @ApiNullableProperty(String) severity: string | null;
  @ApiNullableProperty(String) deadlineKind: string | null;
  @ApiNullableProperty(Date) deadlineAt: Date | null;
  @ApiProperty() warned: boolean;
  @ApiProperty() overdue: boolean;
  @ApiProperty() supervised: boolean;
  @ApiProperty() referred: boolean;
  @ApiProperty({ description: 'Stopped on an effect that can never succeed as it stands, until an ADMIN or SUPERVISOR retries it' }) stalled: boolean;
  @ApiNullableProperty(String, { description: 'Why it is stalled, without personal data' }) stalledReason: string | null;
  @ApiNullableProperty(Date) stalledAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiNullableProperty('integer', { required: false, description: 'Working days left to the deadline, today included; negative when overdue (lists and details only)' }) workingDaysLeft?: number | null;

  static of(c: CaseEntity): CaseSummaryResponse {
    return {
      id: c.id,
      caseNo: c.caseNo,
      source: c.source,
      category: c.category,
      subjectType: c.subjectType,
      subjectName: c.subjectName,
      regionCode: c.regionCode,
      stage: c.stage,
      step: c.step,
      status: c.status,
      severity: c.severity,
      deadlineKind: c.deadlineKind,
      deadlineAt: c.deadlineAt,
      warned: c.warned,
      overdue: c.overdue,
      supervised: c.supervised,
      referred: c.referred,
      stalled: c.stalledAt !== null,
      stalledReason: c.stalledReason,
      stalledAt: c.stalledAt,
      createdAt: c.createdAt,
    };
  }
}
