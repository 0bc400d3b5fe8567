import type { CaseState, TimelineEntry } from '@app/domain';
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
