import { bigrams, DUPLICATE_SIMILARITY_THRESHOLD, nameSimilarity, normalizeName } from './name-similarity';

describe('name similarity (character-bigram Jaccard)', () => {
  it('normalizes width, case, punctuation and the words every government name carries', () => {
    expect(normalizeName('“广州 税务” 政务App（官方）')).toBe('广州税务');
    expect(normalizeName('ＡＢＣ－１')).toBe('abc1');
  });

  it('is the Jaccard index of the bigram sets', () => {
    expect([...bigrams('广州税务')]).toEqual(['广州', '州税', '税务']);
    expect(nameSimilarity('广州税务', '广州税务服务')).toBeCloseTo(3 / 5);
    expect(nameSimilarity('广州税务', '广州 税务 政务App')).toBe(1);
    expect(nameSimilarity('穗好办', '粤省事')).toBe(0);
  });

  it('puts variants of one name over the threshold and different services under it', () => {
    expect(nameSimilarity('天河区政务服务', '天河区政务服务中心')).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY_THRESHOLD);
    expect(nameSimilarity('天河发布', '天河区发布')).toBeLessThan(DUPLICATE_SIMILARITY_THRESHOLD);
    expect(nameSimilarity('天河教育', '天河卫健')).toBeLessThan(DUPLICATE_SIMILARITY_THRESHOLD);
  });

  it('is symmetric, and names that normalize to nothing match nothing', () => {
    expect(nameSimilarity('广州税务服务', '广州税务')).toBe(nameSimilarity('广州税务', '广州税务服务'));
    expect(nameSimilarity('政务App', '官方平台')).toBe(0);
    expect(nameSimilarity('税', '税')).toBe(1);
  });
});
