import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STEP_RULES, type CaseState } from '@app/domain';
import { ApiNullableProperty } from '../common/api-nullable';

export class DeadlineResponse {
  @ApiProperty() kind: string;
  @ApiProperty() deadlineAt: string;
  @ApiProperty() warnAt: string;
  @ApiProperty() supervisionAt: string;
  @ApiProperty() referralAt: string;
  @ApiPropertyOptional({ description: 'Set when a supervision order gave a missed deadline a new one (deadlineAt): the deadline that was missed' })
  missedDeadlineAt?: string;
}

export class StallResponse {
  @ApiProperty({ description: 'What failed and why, without personal data' }) reason: string;
  @ApiProperty() at: string;
}

/** The case as its workflow holds it right after an action. */
export class CaseStateResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() stage: string;
  @ApiProperty() step: string;
  @ApiProperty() status: string;
  @ApiNullableProperty(String) outcome: string | null;
  @ApiNullableProperty(String) severity: string | null;
  @ApiNullableProperty(DeadlineResponse) deadline: DeadlineResponse | null;
  @ApiProperty() extensionPending: boolean;
  @ApiProperty() reopenCount: number;
  @ApiProperty() supervised: boolean;
  @ApiProperty() referralCount: number;
  @ApiNullableProperty(StallResponse, { description: 'Set while the case is stalled (README, "Stalled cases")' }) stalled: StallResponse | null;

  static of(state: CaseState): CaseStateResponse {
    const d = state.deadline;
    return {
      caseId: state.caseId,
      caseNo: state.caseNo,
      stage: STEP_RULES[state.step].stage,
      step: state.step,
      status: state.status,
      outcome: state.outcome,
      severity: state.severity,
      deadline: d && {
        kind: d.kind,
        deadlineAt: d.deadlineAt,
        warnAt: d.warnAt,
        supervisionAt: d.supervisionAt,
        referralAt: d.referralAt,
        ...(d.supervision ? { missedDeadlineAt: d.supervision.missedDeadlineAt } : {}),
      },
      extensionPending: state.pendingExtension !== null,
      reopenCount: state.reopenCount,
      supervised: state.supervised,
      referralCount: state.referralCount,
      stalled: state.stalled ? { reason: state.stalled.reason, at: state.stalled.at } : null,
    };
  }
}
