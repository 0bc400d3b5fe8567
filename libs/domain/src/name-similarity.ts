/**
 * How alike two entries' names are, for the duplicate flag: the Jaccard index of their character bigrams
 * (|A ∩ B| / |A ∪ B|) after normalization. Bigrams suit Chinese names, where words are not separated and
 * two names of one service share most of their two-character runs (“广州税务” and “广州税务服务”).
 */
export const DUPLICATE_SIMILARITY_THRESHOLD = 0.6;

/**
 * Lower case and half width, without spaces, punctuation and the words every government name carries
 * (政务, 官方, 平台 …), which would make any two names look alike.
 */
const COMMON_WORDS = /政务|官方|公众号|服务号|订阅号|小程序|客户端|平台|app/g;

export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(COMMON_WORDS, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export function bigrams(text: string): Set<string> {
  const chars = [...text];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** 0 (nothing shared) to 1 (the same after normalization). Two names that normalize to nothing are not alike. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(normalizeName(a));
  const y = bigrams(normalizeName(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return shared / (x.size + y.size - shared);
}
