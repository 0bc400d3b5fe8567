import { icpFilingProblem, normalizeIcpFiling } from './icp-filing';

describe('ICP filing numbers', () => {
  it('accepts an app filing with the A suffix and a mini program with X', () => {
    expect(icpFilingProblem('粤ICP备2023123456号-1A', 'APP')).toBeNull();
    expect(icpFilingProblem('京ICP备05070339号-12A', 'APP')).toBeNull();
    expect(icpFilingProblem('浙ICP备2024000001号-3X', 'MINI_PROGRAM')).toBeNull();
  });

  it('refuses a filing whose suffix does not fit the kind', () => {
    expect(icpFilingProblem('粤ICP备2023123456号-1', 'APP')).toMatch(/-序号A/);
    expect(icpFilingProblem('粤ICP备2023123456号-1A', 'MINI_PROGRAM')).toMatch(/-序号X/);
    expect(icpFilingProblem('粤ICP备2023123456号', 'APP')).toMatch(/-序号A/);
  });

  it('refuses what is not a filing number at all', () => {
    for (const bad of ['港ICP备2023123456号-1A', '粤ICP2023123456号-1A', '粤ICP备1234号-1A', '粤ICP备12345678901号-1A', '粤ICP备2023123456-1A', '粤ICP备2023123456号-0A', '粤ICP备2023123456号-1C', '粤公网安备44010602000001号', '']) {
      expect([bad, icpFilingProblem(bad, 'APP')]).toEqual([bad, expect.stringMatching(/格式不正确/)]);
    }
  });

  it('normalizes full-width digits, dashes, spaces and case as sheets have them', () => {
    expect(normalizeIcpFiling(' 粤icp备２０２３１２３４５６号－1a ')).toBe('粤ICP备2023123456号-1A');
    expect(icpFilingProblem(normalizeIcpFiling('粤ICP备 2023123456号—1A'), 'APP')).toBeNull();
  });
});
