/**
 * The one seeded generator of the project, for anything that must come out the same twice: the spot-check
 * sampler, the benchmark's synthetic rows, the bad-input corpus. Not for secrets.
 */

/** mulberry32 (Tommy Ettinger, public domain): 32 bits of state, a uniform number in [0, 1) per call. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from a string: FNV-1a over its UTF-16 code units, then the murmur3 finalizer so that
 * seeds differing in one character land far apart.
 */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The generator of a seed string. */
export const seededRandom = (seed: string): (() => number) => mulberry32(seedFromString(seed));
