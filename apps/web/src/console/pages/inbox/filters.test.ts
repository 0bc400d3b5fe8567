import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersFromSaved, isEmptyFilter, listQuery, paramsFromFilters, savedFromFilters } from './filters';

describe('inbox filters', () => {
  it('go from the address to the case list query, "mine" becoming assignee=me', () => {
    const f = filtersFromParams(new URLSearchParams('stage=RECTIFYING&overdue=true&mine=1&page=2&junk=x'));
    expect(f).toEqual({ stage: 'RECTIFYING', status: undefined, overdue: 'true', category: undefined, regionCode: undefined, mine: true, page: 2, pageSize: undefined });
    expect(listQuery(f)).toEqual({ stage: 'RECTIFYING', status: undefined, overdue: 'true', category: undefined, regionCode: undefined, assignee: 'me', page: 2, pageSize: undefined });
    expect(paramsFromFilters(f).toString()).toBe('stage=RECTIFYING&overdue=true&mine=1&page=2');
  });

  it('are saved without paging, with overdue as a boolean, and come back as they were', () => {
    const f = filtersFromParams(new URLSearchParams('category=RANKING_ABUSE&overdue=false&mine=1&page=3&pageSize=50'));
    const saved = savedFromFilters(f);
    expect(JSON.parse(JSON.stringify(saved))).toEqual({ category: 'RANKING_ABUSE', overdue: false, assignee: 'me' });
    expect(paramsFromFilters(filtersFromSaved(saved)).toString()).toBe('overdue=false&category=RANKING_ABUSE&mine=1');
  });

  it('know an empty filter, which is not worth saving', () => {
    expect(isEmptyFilter(savedFromFilters(filtersFromParams(new URLSearchParams('page=4'))))).toBe(true);
    expect(isEmptyFilter(savedFromFilters(filtersFromParams(new URLSearchParams('regionCode=440100'))))).toBe(false);
  });
});
