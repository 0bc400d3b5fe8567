import { bigrams, normalizeName } from './name-similarity';
import type { SubjectType } from './case-vocabulary';
import type { RegistryKind } from './registry-vocabulary';

/**
 * The registry's autocomplete: how well a typed text names an entry. The ranks, best first:
 * the name itself (1), a name that starts with the text (0.95), a name that contains it (0.9), a host unit
 * whose name contains it (0.75), an abbreviation: the text's characters appear in the name in order (0.7,
 * “穗办” for “穗好办”), and otherwise the name similarity of the duplicate flag (character bigrams, README
 * "Registry") scaled to at most 0.6, when it reaches LOOKUP_MIN_SIMILARITY. Texts are compared lower case,
 * half width, without spaces and punctuation.
 */
export const LOOKUP_MIN_SIMILARITY = 0.25;
export const LOOKUP_MAX_LIMIT = 20;
export const LOOKUP_DEFAULT_LIMIT = 8;

export interface LookupCandidate {
  id: number;
  name: string;
  hostUnitName: string;
}

export function lookupText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Whether the characters come in the text in this order (not necessarily together). */
function isSubsequence(chars: readonly string[], hay: string): boolean {
  let at = 0;
  for (const c of chars) {
    const found = hay.indexOf(c, at);
    if (found < 0) return false;
    at = found + c.length;
  }
  return true;
}

/** What the ranking needs of a candidate, computed once per read of the registry rather than per keystroke. */
export interface PreparedCandidate {
  nameText: string;
  hostUnitText: string;
  nameGrams: Set<string>;
}

export function prepareLookup(candidate: Pick<LookupCandidate, 'name' | 'hostUnitName'>): PreparedCandidate {
  return { nameText: lookupText(candidate.name), hostUnitText: lookupText(candidate.hostUnitName), nameGrams: bigrams(normalizeName(candidate.name)) };
}

function jaccard(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return shared / (x.size + y.size - shared);
}

interface PreparedQuery {
  text: string;
  chars: string[];
  grams: Set<string>;
}

function prepareQuery(query: string): PreparedQuery {
  const text = lookupText(query);
  return { text, chars: [...text], grams: bigrams(normalizeName(query)) };
}

function score(q: PreparedQuery, c: PreparedCandidate): number {
  if (q.text === '') return 0;
  if (c.nameText === q.text) return 1;
  if (c.nameText.startsWith(q.text)) return 0.95;
  if (c.nameText.includes(q.text)) return 0.9;
  if (c.hostUnitText.includes(q.text)) return 0.75;
  if (q.chars.length >= 2 && isSubsequence(q.chars, c.nameText)) return 0.7;
  // The same measure as nameSimilarity (the duplicate flag), with both sides' bigrams computed beforehand.
  const similarity = jaccard(q.grams, c.nameGrams);
  return similarity >= LOOKUP_MIN_SIMILARITY ? Math.round(similarity * 0.6 * 1000) / 1000 : 0;
}

/** 0 when the text does not name the entry at all. */
export function lookupScore(query: string, candidate: Pick<LookupCandidate, 'name' | 'hostUnitName'> | PreparedCandidate): number {
  return score(prepareQuery(query), 'nameText' in candidate ? candidate : prepareLookup(candidate));
}

/** The best `limit` candidates for the text, best first; ties go to the shorter name, then the older entry. */
export function rankLookup<T extends LookupCandidate>(query: string, candidates: readonly T[], limit: number, prepared?: ReadonlyMap<number, PreparedCandidate>): Array<T & { score: number }> {
  const q = prepareQuery(query);
  if (q.text === '') return [];
  const scored: Array<{ c: T; s: number; length: number }> = [];
  for (const c of candidates) {
    const p = prepared?.get(c.id) ?? prepareLookup(c);
    const s = score(q, p);
    if (s > 0) scored.push({ c, s, length: p.nameText.length });
  }
  scored.sort((a, b) => b.s - a.s || a.length - b.length || a.c.id - b.c.id);
  return scored.slice(0, limit).map(({ c, s }) => ({ ...c, score: s }));
}

/** The subject type a complaint names an entry of each kind by (a mini program is complained about as an app). */
export const SUBJECT_TYPE_OF_KIND: Record<RegistryKind, SubjectType> = { APP: 'APP', MINI_PROGRAM: 'APP', PUBLIC_ACCOUNT: 'PUBLIC_ACCOUNT', WORK_GROUP: 'WORK_GROUP' };

export function kindsOfSubjectType(type: SubjectType): RegistryKind[] {
  return (Object.keys(SUBJECT_TYPE_OF_KIND) as RegistryKind[]).filter((k) => SUBJECT_TYPE_OF_KIND[k] === type);
}
