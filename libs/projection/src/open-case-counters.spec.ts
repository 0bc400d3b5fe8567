import type { EntityManager } from 'typeorm';
import { counterShard, moveOpenCaseCounts, openCaseCounts, type CountedCase } from './open-case-counters';

const CASE = 'a3f0c2d4-0000-4000-8000-000000000001'; // shard 0xa3 % 8 = 3
const open: CountedCase = { status: 'OPEN', stage: 'SUBMITTED', handlingOrgId: 5, investigatingOrgId: null, hasDeadline: true, warned: false, overdue: false, supervised: false, referred: false };

/** Records the counter writes instead of sending them. */
function recorder(): { em: EntityManager; writes: unknown[][] } {
  const writes: unknown[][] = [];
  return { em: { query: async (_sql: string, params: unknown[]) => void writes.push(params) } as unknown as EntityManager, writes };
}

describe('open case counters', () => {
  it('counts an open case once, by where it stands against its deadline', () => {
    expect(openCaseCounts(CASE, open)).toEqual({ key: { handlingOrgId: 5, investigatingOrgId: 0, stage: 'SUBMITTED', shard: 3 }, counts: { on_time: 1, at_risk: 0, overdue: 0, supervised: 0, referred: 0, total: 1 } });
    expect(openCaseCounts(CASE, { ...open, warned: true })?.counts).toMatchObject({ on_time: 0, at_risk: 1, overdue: 0 });
    expect(openCaseCounts(CASE, { ...open, warned: true, overdue: true, supervised: true })?.counts).toMatchObject({ on_time: 0, at_risk: 0, overdue: 1, supervised: 1 });
    expect(openCaseCounts(CASE, { ...open, hasDeadline: false })?.counts).toMatchObject({ on_time: 0, at_risk: 0, overdue: 0, total: 1 });
    expect(openCaseCounts(CASE, { ...open, status: 'CLOSED' })).toBeNull();
  });

  it('writes nothing when the share did not move', async () => {
    const { em, writes } = recorder();
    await moveOpenCaseCounts(em, CASE, open, { ...open });
    await moveOpenCaseCounts(em, CASE, { ...open, status: 'CLOSED' }, { ...open, status: 'CLOSED', stage: 'CLOSED' });
    expect(writes).toEqual([]);
  });

  it('moves a share between keys in one fixed order, whichever way it goes', async () => {
    const later: CountedCase = { ...open, stage: 'INVESTIGATING', investigatingOrgId: 3, warned: true };
    const forth = recorder();
    await moveOpenCaseCounts(forth.em, CASE, open, later);
    const back = recorder();
    await moveOpenCaseCounts(back.em, CASE, later, open);
    const keys = (writes: unknown[][]) => writes.map((w) => w.slice(0, 4));
    expect(keys(forth.writes)).toEqual([[5, 0, 'SUBMITTED', 3], [5, 3, 'INVESTIGATING', 3]]);
    expect(keys(back.writes)).toEqual(keys(forth.writes));
    // The same deltas in the INSERT and in the ON DUPLICATE KEY UPDATE: minus the old share, plus the new.
    expect(forth.writes[0].slice(4)).toEqual([-1, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, -1]);
    expect(forth.writes[1].slice(4)).toEqual([0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
  });

  it('spreads cases over the shards by the first byte of their id, as the rebuild SQL does', () => {
    expect(counterShard('00000000-0000-4000-8000-000000000000')).toBe(0);
    expect(counterShard('0fffffff-0000-4000-8000-000000000000')).toBe(7);
    expect(counterShard('ffffffff-0000-4000-8000-000000000000')).toBe(7);
    expect(new Set(['10', '21', '32', '43', '54', '65', '76', '87'].map((b) => counterShard(`${b}000000-0000-4000-8000-000000000000`))).size).toBe(8);
  });
});
