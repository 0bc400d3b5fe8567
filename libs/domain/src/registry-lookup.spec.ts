import { nameSimilarity } from './name-similarity';
import { lookupScore, prepareLookup, rankLookup } from './registry-lookup';

const entry = (id: number, name: string, hostUnitName = '广州市政务服务数据管理局') => ({ id, name, hostUnitName });

describe('registry lookup', () => {
  it('ranks the name itself, then its start, then anywhere in it, then the host unit', () => {
    expect(lookupScore('穗好办', entry(1, '穗好办'))).toBe(1);
    expect(lookupScore('穗好', entry(1, '穗好办'))).toBe(0.95);
    expect(lookupScore('好办', entry(1, '穗好办'))).toBe(0.9);
    expect(lookupScore('数据管理', entry(1, '穗好办'))).toBe(0.75);
  });

  it('takes an abbreviation whose characters come in order, and ignores case, width and punctuation', () => {
    expect(lookupScore('穗办', entry(1, '穗好办'))).toBe(0.7);
    expect(lookupScore('办穗', entry(1, '穗好办'))).toBe(0);
    expect(lookupScore('ＳＵＩ－app', entry(1, 'Sui App 官方'))).toBe(0.95);
  });

  it('falls back to the name similarity of the duplicate flag, below every substring match', () => {
    const score = lookupScore('广州税务服务大厅', entry(1, '广州市税务服务'));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(0.7);
    expect(lookupScore('深圳交警', entry(1, '穗好办'))).toBe(0);
    expect(score).toBeCloseTo(nameSimilarity('广州税务服务大厅', '广州市税务服务') * 0.6, 3);
  });

  it('scores a prepared candidate as the plain one', () => {
    const plain = entry(1, '广州市税务服务', '广州市税务局');
    for (const q of ['广州', '税务局', '广税', '广州税务服务大厅', '北京']) expect(lookupScore(q, prepareLookup(plain))).toBe(lookupScore(q, plain));
  });

  it('orders by score, then the shorter name, and keeps at most the limit', () => {
    const ranked = rankLookup('穗', [entry(3, '穗好办政务服务'), entry(2, '穗好办'), entry(1, '广州交警', '穗城交通'), entry(4, '深圳交警')], 2);
    expect(ranked.map((r) => r.id)).toEqual([2, 3]);
    expect(rankLookup('', [entry(1, '穗好办')], 5)).toEqual([]);
  });
});
