import { condition, defineQuery, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { CaseStageKey, CaseStatusKey } from '../libs/temporal/src/search-attributes';
import type { CaseActivities } from '../activities';
import type { CaseStage, CaseStatus, CaseWorkflowInput } from '../libs/domain/src';

export interface CaseState {
  caseId: string;
  caseNo: string;
  stage: CaseStage;
  status: CaseStatus;
  handlingOrgId: number | null;
}

export const caseStateQuery = defineQuery<CaseState>('caseState');

const { registerCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // The database may be down for a while; keep trying rather than lose the case.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** One case, from submission to closing. The workflow is the only writer of the case's state. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const state: CaseState = {
    caseId: input.caseId,
    caseNo: input.caseNo,
    stage: 'SUBMITTED',
    status: 'OPEN',
    handlingOrgId: null,
  };
  setHandler(caseStateQuery, () => state);

  const registered = await registerCase(input);
  state.handlingOrgId = registered.handlingOrgId;
  upsertSearchAttributes([
    { key: CaseStageKey, value: state.stage },
    { key: CaseStatusKey, value: state.status },
  ]);

  await condition(() => state.status === 'CLOSED');
  return state;
}
