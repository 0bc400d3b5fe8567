import { DEFAULT_SCORE_WEIGHTS, monitoringScore, scoreFactors, scoreWeightsProblem, type ScoreInput } from './registry-score';

const TODAY = '2026-12-03';
const base: ScoreInput = { declaredUsers: null, features: [], regionCode: '440106', kind: 'APP', lastContentUpdateOn: null, lastUsedOn: null, complaints: 0 };

describe('focused monitoring score', () => {
  it('puts each factor between 0 and 1 as documented', () => {
    expect(scoreFactors(base, TODAY)).toEqual({ USER_SCALE: 0, FEATURES: 0, FREQUENCY: 0, REACH: 0.3, COMPLAINTS: 0 });
    const big = scoreFactors(
      { ...base, declaredUsers: 9_999_999, features: [{ feature: 'CHECK_IN', approved: false, approvalDocument: null }, { feature: 'ONLINE_TIME', approved: true, approvalDocument: '文' }], regionCode: '440000', lastUsedOn: '2026-12-01', complaints: 7 },
      TODAY,
    );
    expect(big).toEqual({ USER_SCALE: 1, FEATURES: 1, FREQUENCY: 1, REACH: 1, COMPLAINTS: 1 });
    expect(scoreFactors({ ...base, declaredUsers: 999, regionCode: '440100', complaints: 1 }, TODAY)).toMatchObject({ USER_SCALE: 0.429, REACH: 0.6, COMPLAINTS: 0.2 });
    expect(scoreFactors({ ...base, features: [{ feature: 'CHECK_IN', approved: true, approvalDocument: '文' }] }, TODAY).FEATURES).toBe(0.333);
  });

  it('takes frequency from the latest use (or an account\'s update), falling to 0 at a year', () => {
    expect(scoreFactors({ ...base, lastUsedOn: '2026-11-26' }, TODAY).FREQUENCY).toBe(1);
    expect(scoreFactors({ ...base, lastUsedOn: '2026-06-01' }, TODAY).FREQUENCY).toBe(0.503);
    expect(scoreFactors({ ...base, lastUsedOn: '2025-01-01' }, TODAY).FREQUENCY).toBe(0);
    expect(scoreFactors({ ...base, kind: 'PUBLIC_ACCOUNT', lastContentUpdateOn: '2026-12-02' }, TODAY).FREQUENCY).toBe(1);
    expect(scoreFactors({ ...base, kind: 'APP', lastContentUpdateOn: '2026-12-02' }, TODAY).FREQUENCY).toBe(0);
  });

  it('is the weighted mean × 100, and the weights move it', () => {
    const factors = { USER_SCALE: 1, FEATURES: 0, FREQUENCY: 0, REACH: 0, COMPLAINTS: 0.5 };
    expect(monitoringScore(factors, DEFAULT_SCORE_WEIGHTS)).toBe(Math.round(((3 * 1 + 3 * 0.5) / 11) * 1000) / 10);
    expect(monitoringScore(factors, { USER_SCALE: 0, FEATURES: 0, FREQUENCY: 0, REACH: 0, COMPLAINTS: 1 })).toBe(50);
    expect(monitoringScore({ USER_SCALE: 1, FEATURES: 1, FREQUENCY: 1, REACH: 1, COMPLAINTS: 1 }, DEFAULT_SCORE_WEIGHTS)).toBe(100);
  });

  it('accepts whole weights 0 to 10 with one above 0', () => {
    expect(scoreWeightsProblem(DEFAULT_SCORE_WEIGHTS)).toBeNull();
    expect(scoreWeightsProblem({ ...DEFAULT_SCORE_WEIGHTS, REACH: 11 })).toMatch(/0到10/);
    expect(scoreWeightsProblem({ ...DEFAULT_SCORE_WEIGHTS, REACH: 1.5 })).toMatch(/整数/);
    expect(scoreWeightsProblem({ USER_SCALE: 0, FEATURES: 0, FREQUENCY: 0, REACH: 0, COMPLAINTS: 0 })).toBe('至少一项权重大于0');
  });
});
