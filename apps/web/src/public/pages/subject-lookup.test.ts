import { describe, expect, it } from 'vitest';
import { keepPick, lookupQuery, moveActive, regionFields } from './subject-lookup';

describe('subject lookup on the phone page', () => {
  it('looks up what was typed, trimmed, but not the name already picked nor too long a text', () => {
    expect(lookupQuery('  穗好 ', null)).toBe('穗好');
    expect(lookupQuery('   ', null)).toBeNull();
    expect(lookupQuery('穗好办', { name: '穗好办' })).toBeNull();
    expect(lookupQuery('穗好办A', { name: '穗好办' })).toBe('穗好办A');
    expect(lookupQuery('字'.repeat(51), null)).toBeNull();
  });

  it('keeps the link only while the name is the entry’s', () => {
    const pick = { id: 1, name: '穗好办' };
    expect(keepPick(pick, '穗好办 ')).toBe(pick);
    expect(keepPick(pick, '穗好')).toBeNull();
    expect(keepPick(null, '穗好办')).toBeNull();
  });

  it('fills the region selects from the entry’s region', () => {
    expect(regionFields('440106')).toEqual({ province: '440000', city: '440100', district: '440106' });
    expect(regionFields('440100')).toEqual({ province: '440000', city: '440100', district: '' });
    expect(regionFields('440000')).toEqual({ province: '440000', city: '', district: '' });
  });

  it('moves through the options with the arrow keys, wrapping', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
