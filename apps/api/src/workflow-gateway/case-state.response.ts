import { ApiProperty } from '@nestjs/swagger';
import { STEP_RULES, type CaseState } from '@app/domain';
import { ApiNullableProperty } from '../common/api-nullable';

export class DeadlineResponse {
  @ApiProperty() kind: string;
  @ApiProperty() deadlineAt: string;
  @ApiProperty() warnAt: string;
  @ApiProperty() supervisionAt: string;
  @ApiProperty() referralAt: string;
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
      deadline: d && { kind: d.kind, deadlineAt: d.deadlineAt, warnAt: d.warnAt, supervisionAt: d.supervisionAt, referralAt: d.referralAt },
      extensionPending: state.pendingExtension !== null,
      reopenCount: state.reopenCount,
      supervised: state.supervised,
      referralCount: state.referralCount,
    };
  }
}
