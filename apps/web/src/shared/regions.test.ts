import { describe, expect, it } from 'vitest';
import { cascadePath, regionPath, type RegionOption } from './regions';

const TREE: RegionOption[] = [
  { value: '440000', label: '广东省', children: [{ value: '440100', label: '广州市', children: [{ value: '440105', label: '海珠区' }] }] },
  { value: '110000', label: '北京市', children: [{ value: '110100', label: '市辖区', children: [{ value: '110101', label: '东城区' }] }] },
];

describe('regions', () => {
  it('name a code by its levels', () => {
    expect(regionPath(TREE, '440105')).toEqual(['广东省', '广州市', '海珠区']);
    expect(regionPath(TREE, '440100')).toEqual(['广东省', '广州市']);
    expect(regionPath(TREE, '110101')).toEqual(['北京市', '市辖区', '东城区']);
    expect(regionPath(TREE, '990000')).toEqual([]);
  });

  it('give a picker the path of codes down to the level a code names', () => {
    expect(cascadePath('440105')).toEqual(['440000', '440100', '440105']);
    expect(cascadePath('440100')).toEqual(['440000', '440100']);
    expect(cascadePath('440000')).toEqual(['440000']);
  });
});
