import { DUPLICATE_SIMILARITY_THRESHOLD, nameSimilarity } from './name-similarity';
import { DEFAULT_REGISTRY_FLAG_SETTINGS, registryFlags, type FlaggableEntry } from './registry-flags';
import { isCalendarDate, registryEntryProblems, type RegistryEntryContent } from './registry-rules';

const TODAY = '2026-12-03';
const app: RegistryEntryContent = {
  name: '穗好办',
  kind: 'APP',
  platform: 'ANDROID_IOS',
  hostUnitId: 7,
  regionCode: '440106',
  icpFiling: '粤ICP备2023123456号-1A',
  launchedOn: '2020-01-01',
  declaredUsers: 1000,
  features: [],
  status: 'ACTIVE',
  closingAnnouncedOn: null,
  lastContentUpdateOn: null,
  lastUsedOn: '2026-11-30',
};
const fields = (e: RegistryEntryContent) => registryEntryProblems(e, TODAY).map((p) => p.field);

describe('registry entry rules', () => {
  it('accepts a consistent entry', () => {
    expect(registryEntryProblems(app, TODAY)).toEqual([]);
    expect(registryEntryProblems({ ...app, kind: 'WORK_GROUP', platform: 'DINGTALK', icpFiling: null }, TODAY)).toEqual([]);
  });

  it('names each field that contradicts the others', () => {
    expect(fields({ ...app, platform: 'WEIBO' })).toEqual(['platform']);
    expect(fields({ ...app, icpFiling: null })).toEqual(['icpFiling']);
    expect(fields({ ...app, kind: 'PUBLIC_ACCOUNT', platform: 'WECHAT' })).toEqual(['icpFiling']);
    expect(fields({ ...app, status: 'CLOSING' })).toEqual(['closingAnnouncedOn']);
    expect(fields({ ...app, closingAnnouncedOn: '2026-01-01' })).toEqual(['closingAnnouncedOn']);
    expect(fields({ ...app, lastContentUpdateOn: '2026-01-01' })).toEqual(['lastContentUpdateOn']);
    expect(fields({ ...app, lastUsedOn: '2026-12-04' })).toEqual(['lastUsedOn']);
    expect(fields({ ...app, status: 'CLOSING', closingAnnouncedOn: '2019-01-01' })).toEqual(['closingAnnouncedOn']);
    expect(fields({ ...app, features: [{ feature: 'CHECK_IN', approved: true, approvalDocument: null }] })).toEqual(['features']);
    expect(fields({ ...app, features: [{ feature: 'CHECK_IN', approved: false, approvalDocument: null }, { feature: 'CHECK_IN', approved: false, approvalDocument: null }] })).toEqual(['features']);
  });

  it('says why in Chinese', () => {
    expect(registryEntryProblems({ ...app, status: 'CLOSING' }, TODAY)[0].reason).toBe('关停公告中的须填写关停公告日期');
  });

  it('knows a calendar date', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-2-1')).toBe(false);
  });
});

const entry = (id: number, over: Partial<FlaggableEntry>): FlaggableEntry => ({
  id,
  name: `条目${id}`,
  kind: 'PUBLIC_ACCOUNT',
  hostUnitId: 7,
  hostUnitLevel: 4,
  regionCode: '440106',
  features: [],
  status: 'ACTIVE',
  launchedOn: '2020-01-01',
  lastContentUpdateOn: '2026-12-01',
  lastUsedOn: null,
  ...over,
});
const flagsOf = (entries: FlaggableEntry[], settings = DEFAULT_REGISTRY_FLAG_SETTINGS) => Object.fromEntries([...registryFlags(entries, settings, TODAY)].map(([id, notes]) => [id, notes.map((n) => n.flag)]));

describe('registry flags', () => {
  it('flags an active entry idle for longer than the setting, from its latest update or use, else its launch', () => {
    const entries = [
      entry(1, { lastContentUpdateOn: '2026-06-05' }), // 181 days
      entry(2, { lastContentUpdateOn: '2026-06-06' }), // 180 days: not yet
      entry(3, { lastContentUpdateOn: '2020-01-01', lastUsedOn: '2026-12-01' }),
      entry(4, { kind: 'APP', name: 'A', lastContentUpdateOn: null, lastUsedOn: null, launchedOn: '2021-01-01' }),
      entry(5, { kind: 'WORK_GROUP', name: 'B', lastContentUpdateOn: null, lastUsedOn: null, launchedOn: null }),
      entry(6, { name: 'C', status: 'CLOSING', lastContentUpdateOn: '2020-01-01' }),
    ];
    expect(flagsOf(entries)).toEqual({ 1: ['DORMANT'], 2: [], 3: [], 4: ['DORMANT'], 5: [], 6: [] });
    expect(flagsOf(entries, { ...DEFAULT_REGISTRY_FLAG_SETTINGS, dormantDays: 30 })[2]).toEqual(['DORMANT']);
    expect(registryFlags(entries, DEFAULT_REGISTRY_FLAG_SETTINGS, TODAY).get(1)![0].reason).toBe('已181天未更新内容或无人使用（自2026-06-05起，超过180天）');
  });

  it('flags similar names of one kind, region and host-unit level, and explains with the other entry', () => {
    const entries = [
      entry(1, { name: '天河区政务服务' }),
      entry(2, { name: '天河区政务服务中心', hostUnitId: 8 }),
      entry(3, { name: '天河区政务服务中心', regionCode: '440105' }),
      entry(4, { name: '天河区政务服务中心', hostUnitLevel: 3 }),
      entry(5, { name: '天河区政务服务中心', kind: 'WORK_GROUP', lastUsedOn: '2026-12-01' }),
      entry(6, { name: '天河区政务服务中心', status: 'CLOSED' }),
    ];
    expect(flagsOf(entries)).toEqual({ 1: ['DUPLICATE'], 2: ['DUPLICATE'], 3: [], 4: [], 5: [], 6: [] });
    expect(registryFlags(entries, DEFAULT_REGISTRY_FLAG_SETTINGS, TODAY).get(1)![0].reason).toMatch(/“天河区政务服务中心”（编号2，相似度0\.\d\d）/);
  });

  it('finds exactly the pairs whose nameSimilarity reaches the threshold', () => {
    const names = ['天河区政务服务', '天河区政务服务中心', '天河政务服务', '天河发布', '天河区发布', '广州税务', '广州税务服务', '穗好办', '穗好办App', '政务App', '税', '税'];
    const entries = names.map((name, i) => entry(i + 1, { name }));
    const notes = registryFlags(entries, DEFAULT_REGISTRY_FLAG_SETTINGS, TODAY);
    for (const a of entries) {
      const expected = entries.some((b) => b.id !== a.id && nameSimilarity(a.name, b.name) >= DUPLICATE_SIMILARITY_THRESHOLD);
      expect([a.name, notes.get(a.id)!.some((n) => n.flag === 'DUPLICATE')]).toEqual([a.name, expected]);
    }
  });

  it('flags a restricted feature without approval, naming it', () => {
    const notes = registryFlags([entry(1, { features: [{ feature: 'POINTS_RANKING', approved: false, approvalDocument: null }, { feature: 'CHECK_IN', approved: true, approvalDocument: '粤网信函〔2024〕1号' }] })], DEFAULT_REGISTRY_FLAG_SETTINGS, TODAY);
    expect(notes.get(1)).toEqual([{ flag: 'UNAPPROVED_FEATURE', reason: '设置了积分排名功能，未经审批' }]);
  });

  it('flags every open account of a unit with more than the allowed number', () => {
    const accounts = [1, 2, 3].map((id) => entry(id, { name: ['教育', '卫健', '交通'][id - 1] }));
    const settings = { ...DEFAULT_REGISTRY_FLAG_SETTINGS, maxAccountsPerUnit: 2 };
    expect(flagsOf(accounts, settings)).toEqual({ 1: ['TOO_MANY_ACCOUNTS'], 2: ['TOO_MANY_ACCOUNTS'], 3: ['TOO_MANY_ACCOUNTS'] });
    expect(flagsOf([...accounts.slice(0, 2), entry(3, { name: '交通', status: 'CLOSED' })], settings)).toEqual({ 1: [], 2: [], 3: [] });
  });
});
