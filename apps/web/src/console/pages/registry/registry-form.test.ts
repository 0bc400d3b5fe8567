import { describe, expect, it } from 'vitest';
import { formValuesOf, icpProblem, registryBody, versionChanges } from './registry-form';

describe('registry form', () => {
  it('makes the body the API takes: features in order, dates as days, the ICP number canonical', () => {
    const body = registryBody({
      name: ' 穗好办 ',
      kind: 'APP',
      platform: 'ANDROID_IOS',
      hostUnitId: 7,
      regionCode: '440106',
      icpFiling: '粤ICP备２０２３１２３４５６号－1a',
      launchedOn: { format: () => '2021-05-01' },
      status: 'ACTIVE',
      closingAnnouncedOn: '2026-01-01',
      lastContentUpdateOn: '2026-01-02',
      features: { ONLINE_TIME: { choice: 'UNAPPROVED', document: '不该留' }, CHECK_IN: { choice: 'APPROVED', document: ' 粤网信函〔2024〕12号 ' }, POINTS_RANKING: { choice: 'NONE' } },
    });
    expect(body).toMatchObject({ name: '穗好办', icpFiling: '粤ICP备2023123456号-1A', launchedOn: '2021-05-01', closingAnnouncedOn: null, lastContentUpdateOn: null, lastUsedOn: null, declaredUsers: null });
    expect(body.features).toEqual([
      { feature: 'CHECK_IN', approved: true, approvalDocument: '粤网信函〔2024〕12号' },
      { feature: 'ONLINE_TIME', approved: false, approvalDocument: null },
    ]);
  });

  it('checks the ICP number as the API does', () => {
    expect(icpProblem('APP', '粤ICP备2023123456号-1A')).toBeNull();
    expect(icpProblem('APP', '粤ICP备2023123456号-1X')).toMatch(/-序号A/);
    expect(icpProblem('MINI_PROGRAM', '')).toBe('请填写ICP备案号');
    expect(icpProblem('APP', 'ICP 123')).toMatch(/格式不正确/);
    expect(icpProblem('WORK_GROUP', '粤ICP备2023123456号')).toBe('只有App和小程序有ICP备案号');
    expect(icpProblem('PUBLIC_ACCOUNT', undefined)).toBeNull();
  });

  it('round-trips an entry through the form', () => {
    const entry = { name: '穗好办', kind: 'APP', platform: 'ANDROID_IOS', hostUnitId: 7, regionCode: '440106', icpFiling: '粤ICP备2023123456号-1A', launchedOn: null, declaredUsers: 5, features: [{ feature: 'POINTS_RANKING', approved: false, approvalDocument: null }], status: 'ACTIVE', closingAnnouncedOn: null, lastContentUpdateOn: null, lastUsedOn: '2026-11-01' } as const;
    expect(registryBody(formValuesOf({ ...entry, features: [...entry.features] }))).toEqual({ ...entry, features: [...entry.features] });
  });

  it('names what changed between two versions in Chinese', () => {
    expect(versionChanges(null, { name: 'a' })).toEqual([]);
    expect(versionChanges({ name: 'a', status: 'ACTIVE', icpFiling: null }, { name: 'a', status: 'CLOSING', icpFiling: null })).toEqual([{ field: '状态', from: 'ACTIVE', to: 'CLOSING' }]);
  });
});
