import { allocateProportionally, drawSample, stratumOf, weightOf, type SampleCandidate } from './campaign-sampler';
import { mulberry32, seedFromString } from './seeded-random';

const population = (n: number, stratum: (i: number) => string = (i) => (i % 3 === 0 ? 'A' : i % 3 === 1 ? 'B' : 'C'), weight: (i: number) => number = () => 1): SampleCandidate[] =>
  Array.from({ length: n }, (_, k) => ({ id: k + 1, version: 1, stratum: stratum(k + 1), weight: weight(k + 1) }));

const ids = (s: { items: { id: number }[] }) => s.items.map((i) => i.id);

describe('seeded generator', () => {
  it('is mulberry32 from a hashed seed string: the same string, the same numbers', () => {
    const a = mulberry32(seedFromString('2026-Q4'));
    const b = mulberry32(seedFromString('2026-Q4'));
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seedFromString('2026-Q4')).not.toBe(seedFromString('2026-Q3'));
  });
});

describe('drawSample', () => {
  const options = { seed: 'seed-1', sampleSize: 12, strataOrder: ['A', 'B', 'C'] };

  it('is reproducible: the same seed and snapshot give the same sample, whatever order the snapshot comes in', () => {
    const entries = population(60);
    const first = drawSample(entries, options);
    expect(drawSample([...entries].reverse(), options)).toEqual(first);
    expect(first.items).toHaveLength(12);
    expect(new Set(ids(first)).size).toBe(12);
    expect(first.items.map((i) => i.drawOrder)).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
  });

  it('draws another sample with another seed', () => {
    const entries = population(60);
    expect(ids(drawSample(entries, { ...options, seed: 'seed-2' }))).not.toEqual(ids(drawSample(entries, options)));
  });

  it('keeps each stratum to its proportional quota exactly', () => {
    const entries = population(100, (i) => (i <= 50 ? 'A' : i <= 80 ? 'B' : 'C'));
    const sample = drawSample(entries, { ...options, sampleSize: 10 });
    expect(sample.allocation).toEqual([
      { stratum: 'A', population: 50, quota: 5 },
      { stratum: 'B', population: 30, quota: 3 },
      { stratum: 'C', population: 20, quota: 2 },
    ]);
    for (const { stratum, quota } of sample.allocation) expect(sample.items.filter((i) => i.stratum === stratum)).toHaveLength(quota);
  });

  it('keeps explicit quotas, capped at a stratum smaller than its quota', () => {
    const entries = population(30, (i) => (i <= 25 ? 'A' : 'B'));
    const sample = drawSample(entries, { ...options, sampleSize: 0, quotas: [{ stratum: 'A', quota: 4 }, { stratum: 'B', quota: 9 }] });
    expect(sample.allocation).toEqual([
      { stratum: 'A', population: 25, quota: 4 },
      { stratum: 'B', population: 5, quota: 5 },
    ]);
    expect(sample.items.filter((i) => i.stratum === 'B').map((i) => i.id).sort((a, b) => a - b)).toEqual([26, 27, 28, 29, 30]);
  });

  it('rounds proportional shares by largest remainders, never beyond a stratum', () => {
    const allocation = allocateProportionally([{ stratum: 'A', population: 2 }, { stratum: 'B', population: 49 }, { stratum: 'C', population: 49 }], 21);
    expect(allocation.map((a) => a.quota)).toEqual([1, 10, 10]);
    expect(allocateProportionally([{ stratum: 'A', population: 3 }, { stratum: 'B', population: 3 }, { stratum: 'C', population: 3 }], 100).map((a) => a.quota)).toEqual([3, 3, 3]);
    expect(allocateProportionally([{ stratum: 'A', population: 1 }, { stratum: 'B', population: 1 }, { stratum: 'C', population: 1 }], 2).map((a) => a.quota)).toEqual([1, 1, 0]);
  });

  it('draws weight-0 entries only after the positive ones of their stratum', () => {
    const entries = population(10, () => 'ALL', (id) => (id <= 4 ? 0 : 1));
    for (const seed of ['a', 'b', 'c', 'd']) {
      const six = drawSample(entries, { seed, sampleSize: 6, strataOrder: ['ALL'] });
      expect(ids(six).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10]);
      const eight = drawSample(entries, { seed, sampleSize: 8, strataOrder: ['ALL'] });
      expect(ids(eight).slice(0, 6).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10]);
      expect(ids(eight).slice(6).every((id) => id <= 4)).toBe(true);
    }
  });

  it('draws heavier entries more often, in proportion (chi-square over many seeds)', () => {
    // One draw from four entries of weights 1, 2, 3, 4: each should be first with probability w / 10.
    const entries = population(4, () => 'ALL', (id) => id);
    const counts = [0, 0, 0, 0];
    const runs = 4000;
    for (let s = 0; s < runs; s++) counts[drawSample(entries, { seed: `run-${s}`, sampleSize: 1, strataOrder: ['ALL'] }).items[0].id - 1] += 1;
    const chiSquare = counts.reduce((sum, observed, k) => {
      const expected = (runs * (k + 1)) / 10;
      return sum + (observed - expected) ** 2 / expected;
    }, 0);
    expect(chiSquare).toBeLessThan(16.27); // 3 degrees of freedom, p = 0.001
    expect(counts[3]).toBeGreaterThan(counts[0] * 2);
  });
});

describe('strata and weights', () => {
  const entry = { kind: 'APP' as const, regionCode: '440105', score: 45.5, complaints: 3 };
  it('names the stratum of each choice', () => {
    expect(stratumOf('NONE', entry)).toBe('ALL');
    expect(stratumOf('KIND', entry)).toBe('APP');
    expect(stratumOf('REGION_LEVEL', entry)).toBe('COUNTY');
    expect(stratumOf('REGION_LEVEL', { ...entry, regionCode: '440100' })).toBe('CITY');
    expect(stratumOf('REGION_LEVEL', { ...entry, regionCode: '440000' })).toBe('PROVINCE');
    expect(stratumOf('MONITORING_BAND', entry)).toBe('MEDIUM');
    expect(stratumOf('MONITORING_BAND', { ...entry, score: 60 })).toBe('HIGH');
    expect(stratumOf('MONITORING_BAND', { ...entry, score: 0 })).toBe('LOW');
  });
  it('weighs by the choice', () => {
    expect(weightOf('EQUAL', entry)).toBe(1);
    expect(weightOf('MONITORING_SCORE', entry)).toBe(45.5);
    expect(weightOf('COMPLAINTS', entry)).toBe(4);
  });
});
