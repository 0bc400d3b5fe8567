import { REGION_CODE_PATTERN, regionAncestry } from './case-vocabulary';

describe('regionAncestry', () => {
  it('walks from a district up to its city and province', () => {
    expect(regionAncestry('440105')).toEqual(['440105', '440100', '440000']);
  });

  it('does not repeat a city or province code', () => {
    expect(regionAncestry('440100')).toEqual(['440100', '440000']);
    expect(regionAncestry('440000')).toEqual(['440000']);
  });
});

describe('REGION_CODE_PATTERN', () => {
  it.each(['440100', '110101'])('accepts %s', (code) => expect(REGION_CODE_PATTERN.test(code)).toBe(true));
  it.each(['44010', '4401000', '04010a', '000000', ' 440100'])('rejects %p', (code) => expect(REGION_CODE_PATTERN.test(code)).toBe(false));
});
