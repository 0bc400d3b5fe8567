import type { EntityManager } from 'typeorm';
import { moveOpenCaseCounts, openCaseCounts, type CountedCase } from './open-case-counters';

const open: CountedCase = { status: 'OPEN', stage: 'SUBMITTED', handlingOrgId: 5, investigatingOrgId: null, hasDeadline: true, warned: false, overdue: false, supervised: false, referred: false };

/** Records the counter writes instead of sending them. */
function recorder(): { em: EntityManager; writes: unknown[][] } {
  const writes: unknown[][] = [];
  return { em: { query: async (_sql: string, params: unknown[]) => void writes.push(params) } as unknown as EntityManager, writes };
}

describe('open case counters', () => {
  it('counts an open case once, by where it stands against its deadline', () => {
    expect(openCaseCounts(open)).toEqual({ key: { handlingOrgId: 5, investigatingOrgId: 0, stage: 'SUBMITTED' }, counts: { on_time: 1, at_risk: 0, overdue: 0, supervised: 0, referred: 0, total: 1 } });
    expect(openCaseCounts({ ...open, warned: true })?.counts).toMatchObject({ on_time: 0, at_risk: 1, overdue: 0 });
    expect(openCaseCounts({ ...open, warned: true, overdue: true, supervised: true })?.counts).toMatchObject({ on_time: 0, at_risk: 0, overdue: 1, supervised: 1 });
    expect(openCaseCounts({ ...open, hasDeadline: false })?.counts).toMatchObject({ on_time: 0, at_risk: 0, overdue: 0, total: 1 });
    expect(openCaseCounts({ ...open, status: 'CLOSED' })).toBeNull();
  });

  it('writes nothing when the share did not move', async () => {
    const { em, writes } = recorder();
    await moveOpenCaseCounts(em, open, { ...open });
    await moveOpenCaseCounts(em, { ...open, status: 'CLOSED' }, { ...open, status: 'CLOSED', stage: 'CLOSED' });
    expect(writes).toEqual([]);
  });

  it('moves a share between keys in one fixed order, whichever way it goes', async () => {
    const later: CountedCase = { ...open, stage: 'INVESTIGATING', investigatingOrgId: 3, warned: true };
    const forth = recorder();
    await moveOpenCaseCounts(forth.em, open, later);
    const back = recorder();
    await moveOpenCaseCounts(back.em, later, open);
    const keys = (writes: unknown[][]) => writes.map((w) => w.slice(0, 3));
    expect(keys(forth.writes)).toEqual([[5, 0, 'SUBMITTED'], [5, 3, 'INVESTIGATING']]);
    expect(keys(back.writes)).toEqual(keys(forth.writes));
    // The same deltas in the INSERT and in the ON DUPLICATE KEY UPDATE: minus the old share, plus the new.
    expect(forth.writes[0].slice(3)).toEqual([-1, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, -1]);
    expect(forth.writes[1].slice(3)).toEqual([0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
  });
});
