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

function isSubsequence(needle: string, hay: string): boolean {
  const chars = [...needle];
  let i = 0;
  for (const c of hay) if (c === chars[i]) i += 1;
  return i === chars.length;
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

/** 0 when the text does not name the entry at all. */
export function lookupScore(query: string, candidate: Pick<LookupCandidate, 'name' | 'hostUnitName'> | PreparedCandidate): number {
  const q = lookupText(query);
  if (q === '') return 0;
  const c = 'nameText' in candidate ? candidate : prepareLookup(candidate);
  if (c.nameText === q) return 1;
  if (c.nameText.startsWith(q)) return 0.95;
  if (c.nameText.includes(q)) return 0.9;
  if (c.hostUnitText.includes(q)) return 0.75;
  if ([...q].length >= 2 && isSubsequence(q, c.nameText)) return 0.7;
  // The same measure as nameSimilarity (the duplicate flag), with the candidate's bigrams computed beforehand.
  const similarity = jaccard(bigrams(normalizeName(query)), c.nameGrams);
  return similarity >= LOOKUP_MIN_SIMILARITY ? Math.round(similarity * 0.6 * 1000) / 1000 : 0;
}

/** The best `limit` candidates for the text, best first; ties go to the shorter name, then the older entry. */
export function rankLookup<T extends LookupCandidate>(query: string, candidates: readonly T[], limit: number, prepared?: ReadonlyMap<number, PreparedCandidate>): Array<T & { score: number }> {
  const scored: Array<T & { score: number }> = [];
  for (const c of candidates) {
    const score = lookupScore(query, prepared?.get(c.id) ?? c);
    if (score > 0) scored.push({ ...c, score });
  }
  return scored.sort((a, b) => b.score - a.score || [...a.name].length - [...b.name].length || a.id - b.id).slice(0, limit);
}

/** The subject type a complaint names an entry of each kind by (a mini program is complained about as an app). */
export const SUBJECT_TYPE_OF_KIND: Record<RegistryKind, SubjectType> = { APP: 'APP', MINI_PROGRAM: 'APP', PUBLIC_ACCOUNT: 'PUBLIC_ACCOUNT', WORK_GROUP: 'WORK_GROUP' };

export function kindsOfSubjectType(type: SubjectType): RegistryKind[] {
  return (Object.keys(SUBJECT_TYPE_OF_KIND) as RegistryKind[]).filter((k) => SUBJECT_TYPE_OF_KIND[k] === type);
}
