import { describe, expect, it } from 'vitest';
import type { RegionOption } from '../../../shared/regions';
import type { Organization } from '../../../shared/types';
import { childKinds, isCentral, manageableOrgs, orgTree, regionChoices, regionValuePath, rolesAt } from './directory';

const org = (id: number, kind: string, regionCode: string, parentId: number | null, name = `机构${id}`): Organization => ({ id, name, kind, regionCode, parentId });
const ORGS = [org(1, 'CENTRAL_OFFICE', '000000', null, '中央网信办'), org(3, 'PROVINCIAL_OFFICE', '440000', 1, '广东省网信办'), org(4, 'DISCIPLINE_BODY', '440000', 3), org(5, 'CITY_OFFICE', '440100', 3, '广州市网信办'), org(6, 'DISCIPLINE_BODY', '440100', 5), org(7, 'HOST_UNIT', '440100', 5)];

const REGIONS: RegionOption[] = [
  { value: '440000', label: '广东省', children: [{ value: '440100', label: '广州市', children: [{ value: '440104', label: '越秀区' }] }, { value: '440300', label: '深圳市' }] },
  { value: '330000', label: '浙江省' },
];

describe('administration choices from the directory rules', () => {
  it('builds the tree from the administrator\'s own organization down', () => {
    const [root] = orgTree(ORGS.slice(1));
    expect(root.title).toBe('广东省网信办（省级网信办）');
    expect(root.children.map((c) => c.key)).toEqual([4, 5]);
    expect(root.children[1].children.map((c) => c.key)).toEqual([6, 7]);
    expect(orgTree(ORGS)[0].title).toBe('中央网信办');
  });

  it('offers only the kinds and roles the API accepts', () => {
    expect(childKinds(ORGS[3])).toEqual(['HOST_UNIT', 'DISCIPLINE_BODY']);
    expect(childKinds(ORGS[5])).toEqual([]);
    expect(rolesAt('HOST_UNIT')).toEqual(['HOST_UNIT_OPERATOR']);
    expect(rolesAt('PROVINCIAL_OFFICE')).toEqual(['HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN']);
    expect(rolesAt('CITY_OFFICE')).not.toContain('INSPECTOR');
  });

  it('leaves out the discipline body that supervises the administrator\'s own office, except for the central office', () => {
    expect(manageableOrgs(ORGS, ORGS[3]).map((o) => o.id)).toEqual([1, 3, 4, 5, 7]);
    expect(manageableOrgs(ORGS, ORGS[1]).map((o) => o.id)).toEqual([1, 3, 5, 6, 7]);
    expect(manageableOrgs(ORGS, ORGS[0])).toHaveLength(ORGS.length);
    expect(isCentral(ORGS[0])).toBe(true);
    expect(isCentral(ORGS[1])).toBe(false);
  });

  it('offers regions within the parent\'s own region only', () => {
    expect(regionChoices(REGIONS, '440100').map((r) => r.label)).toEqual(['广州市']);
    expect(regionChoices(REGIONS, '440000')[0].children?.map((r) => r.value)).toEqual(['440100', '440300']);
    expect(regionChoices(REGIONS, '000000').map((r) => r.value)).toEqual(['000000', '440000', '330000']);
    expect(regionChoices(REGIONS, '990000')).toEqual([]);
    expect(regionValuePath(regionChoices(REGIONS, '440000'), '440104')).toEqual(['440000', '440100', '440104']);
    expect(regionValuePath(regionChoices(REGIONS, '000000'), '000000')).toEqual(['000000']);
  });
});
