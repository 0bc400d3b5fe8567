import {
  CALENDAR_BROADCAST_WORKFLOW,
  CAMPAIGN_WORKFLOW,
  CASE_WORKFLOW,
  CIRCULAR_WORKFLOW,
  REFERRAL_WORKFLOW,
  type CalendarBroadcastWorkflow,
  type CampaignWorkflow,
  type CaseWorkflow,
  type CircularWorkflow,
  type ReferralWorkflow,
} from '../libs/temporal/src/workflow-contracts';
import { calendarBroadcastWorkflow, campaignWorkflow, caseWorkflow, circularWorkflow, referralWorkflow } from '.';

// The API starts workflows by the names and types of the contracts module, without importing workflow code:
// the assignments fail to compile when a signature drifts, the expectations when a name does.
const implementations: {
  [CASE_WORKFLOW]: CaseWorkflow;
  [REFERRAL_WORKFLOW]: ReferralWorkflow;
  [CALENDAR_BROADCAST_WORKFLOW]: CalendarBroadcastWorkflow;
  [CIRCULAR_WORKFLOW]: CircularWorkflow;
  [CAMPAIGN_WORKFLOW]: CampaignWorkflow;
} = {
  [CASE_WORKFLOW]: caseWorkflow,
  [REFERRAL_WORKFLOW]: referralWorkflow,
  [CALENDAR_BROADCAST_WORKFLOW]: calendarBroadcastWorkflow,
  [CIRCULAR_WORKFLOW]: circularWorkflow,
  [CAMPAIGN_WORKFLOW]: campaignWorkflow,
};

describe('workflow contracts', () => {
  it.each(Object.entries(implementations))('%s is the workflow type the worker registers', (name, implementation) => {
    expect(implementation.name).toBe(name);
  });
});
