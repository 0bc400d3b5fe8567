import type { CaseState, Decision, TimelineEntry } from '@app/domain';
import type { CaseActivityDeps } from './case.activities';
import { createCaseActivities } from './case.activities';

const entry = (type: string): TimelineEntry => ({ type, note: null, isPublic: false, actor: null }) as unknown as TimelineEntry;

function activitiesWith(moved: boolean) {
  const counted: string[] = [];
  const deps = {
    projection: { project: async () => moved },
    escalations: { inc: ({ kind }: { kind: string }) => void counted.push(kind) },
  } as unknown as CaseActivityDeps;
  return { counted, projectCase: createCaseActivities(deps).projectCase };
}

describe('projectCase', () => {
  it('counts the escalations among the entries it wrote', async () => {
    const { counted, projectCase } = activitiesWith(true);
    await projectCase({} as CaseState, [entry('DEADLINE_WARNING'), entry('ACCEPTED'), entry('SUPERVISION_ORDERED')], 3, new Date().toISOString());
    expect(counted).toEqual(['DEADLINE_WARNING', 'SUPERVISION_ORDERED']);
  });

  it('counts nothing when a retried write found them already written', async () => {
    const { counted, projectCase } = activitiesWith(false);
    await projectCase({} as CaseState, [entry('DEADLINE_MISSED')], 3, new Date().toISOString());
    expect(counted).toEqual([]);
  });
});

describe('carryOutDecision', () => {
  const outcome = { timeValues: [], search: { stage: 'ACCEPTANCE', status: 'OPEN', severity: null, deadlineAt: null } };

  function decisionActivityWith(moved: boolean) {
    const counted: string[] = [];
    const deps = {
      decisions: { carryOut: async (_s: CaseState, decision: Decision) => ({ entries: decision.events, moved, outcome }) },
      escalations: { inc: ({ kind }: { kind: string }) => void counted.push(kind) },
    } as unknown as CaseActivityDeps;
    return { counted, carryOutDecision: createCaseActivities(deps).carryOutDecision };
  }

  it('answers with the outcome for the workflow and counts the escalations it wrote', async () => {
    const { counted, carryOutDecision } = decisionActivityWith(true);
    const answer = await carryOutDecision({} as CaseState, { events: [entry('DEADLINE_MISSED'), entry('REFERRED_TO_DISCIPLINE')], effects: [] }, new Date().toISOString());
    expect(answer).toEqual(outcome);
    expect(counted).toEqual(['DEADLINE_MISSED', 'REFERRED_TO_DISCIPLINE']);
  });

  it('counts nothing when a retry found the decision already committed', async () => {
    const { counted, carryOutDecision } = decisionActivityWith(false);
    expect(await carryOutDecision({} as CaseState, { events: [entry('DEADLINE_WARNING')], effects: [] }, new Date().toISOString())).toEqual(outcome);
    expect(counted).toEqual([]);
  });
});
