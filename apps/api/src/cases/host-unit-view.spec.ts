import type { CaseDetailResponse } from './case-detail.response';
import { hostUnitView } from './host-unit-view';

describe('hostUnitView', () => {
  const at = new Date('2026-11-22T08:00:00Z');
  const detail = {
    id: 'c1',
    anonymous: false,
    complainant: { name: '张*', phone: '138****5678' },
    satisfaction: 'UNSATISFIED',
    timeline: [
      { seq: 1, type: 'SUBMITTED', stage: 'SUBMITTED', actorRole: null, note: null, occurredAt: at },
      { seq: 2, type: 'REPLIED', stage: 'FEEDBACK', actorRole: 'HANDLER', note: '已责令整改', occurredAt: at },
      { seq: 3, type: 'EVALUATED', stage: 'REVISIT', actorRole: 'COMPLAINANT', note: 'UNSATISFIED: 整改后仍要求每天打卡', occurredAt: at },
    ],
  } as unknown as CaseDetailResponse;

  it('leaves out the complainant, the anonymous flag and what the complainant wrote', () => {
    const view = hostUnitView(detail);
    expect(view).not.toHaveProperty('anonymous');
    expect(view.complainant).toBeNull();
    expect(JSON.stringify(view)).not.toContain('整改后仍要求每天打卡');
    expect(view.timeline.map((e) => e.note)).toEqual([null, '已责令整改', null]);
  });

  it('keeps everything else', () => {
    expect(hostUnitView(detail)).toMatchObject({ id: 'c1', satisfaction: 'UNSATISFIED', timeline: [{ seq: 1 }, { seq: 2 }, { seq: 3, type: 'EVALUATED' }] });
  });
});
