/** What the phone page's name field does with the registry's suggestions: pure, so it is tested without a browser. */

export interface RegistryPick {
  id: number;
  name: string;
  kind: string;
  hostUnitName: string;
  regionCode: string;
  regionName: string;
}

/** How long typing pauses before a lookup: one request per word, not per keystroke (the public rate limit counts them). */
export const LOOKUP_PAUSE_MS = 350;

/** The text to look up, or null: nothing typed, the name already picked, or longer than the API takes. */
export function lookupQuery(typed: string, picked: Pick<RegistryPick, 'name'> | null): string | null {
  const q = typed.trim();
  if (q === '' || [...q].length > 50 || q === picked?.name) return null;
  return q;
}

/** A picked entry stays linked only while the name is still its name. */
export function keepPick<T extends Pick<RegistryPick, 'name'>>(picked: T | null, typed: string): T | null {
  return picked && typed.trim() === picked.name ? picked : null;
}

/** The three region selects for an entry's region code (a province's city and district stay empty). */
export function regionFields(code: string): { province: string; city: string; district: string } {
  return {
    province: `${code.slice(0, 2)}0000`,
    city: code.endsWith('0000') ? '' : `${code.slice(0, 4)}00`,
    district: code.endsWith('00') ? '' : code,
  };
}

/** The option to move to with the arrow keys, wrapping around; -1 when there are none. */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  return (active + step + count) % count;
}
