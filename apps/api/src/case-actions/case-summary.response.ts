import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseEntity } from '@app/database';

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
  @ApiPropertyOptional({ nullable: true }) severity: string | null;
  @ApiPropertyOptional({ nullable: true }) deadlineKind: string | null;
  @ApiPropertyOptional({ nullable: true }) deadlineAt: Date | null;
  @ApiProperty() warned: boolean;
  @ApiProperty() overdue: boolean;
  @ApiProperty() supervised: boolean;
  @ApiProperty() referred: boolean;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, description: 'Working days left to the deadline, today included; negative when overdue (lists and details only)' }) workingDaysLeft?: number | null;

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
      createdAt: c.createdAt,
    };
  }
}
