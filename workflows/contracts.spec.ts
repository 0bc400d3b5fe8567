import {
  CALENDAR_BROADCAST_WORKFLOW,
  CASE_WORKFLOW,
  CIRCULAR_WORKFLOW,
  REFERRAL_WORKFLOW,
  type CalendarBroadcastWorkflow,
  type CaseWorkflow,
  type CircularWorkflow,
  type ReferralWorkflow,
} from '../libs/temporal/src/workflow-contracts';
import { calendarBroadcastWorkflow, caseWorkflow, circularWorkflow, referralWorkflow } from '.';

// The API starts workflows by the names and types of the contracts module, without importing workflow code:
// the assignments fail to compile when a signature drifts, the expectations when a name does.
const implementations: { [CASE_WORKFLOW]: CaseWorkflow; [REFERRAL_WORKFLOW]: ReferralWorkflow; [CALENDAR_BROADCAST_WORKFLOW]: CalendarBroadcastWorkflow; [CIRCULAR_WORKFLOW]: CircularWorkflow } = {
  [CASE_WORKFLOW]: caseWorkflow,
  [REFERRAL_WORKFLOW]: referralWorkflow,
  [CALENDAR_BROADCAST_WORKFLOW]: calendarBroadcastWorkflow,
  [CIRCULAR_WORKFLOW]: circularWorkflow,
};

describe('workflow contracts', () => {
  it.each(Object.entries(implementations))('%s is the workflow type the worker registers', (name, implementation) => {
    expect(implementation.name).toBe(name);
  });
});
