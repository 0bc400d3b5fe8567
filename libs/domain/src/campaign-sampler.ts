import type { RegistryKind } from './registry-vocabulary';
import { seededRandom } from './seeded-random';

/**
 * The spot-check sampler (抽查评估): a reproducible, stratified, weighted sample without replacement.
 * Pure: the same seed and the same snapshot (entries sorted by id, with their versions, strata and
 * weights) give the same sample, on any machine. The algorithm, step by step, is in README.md
 * ("Spot-check campaigns").
 */

/** How the population is split before drawing. */
export const CAMPAIGN_STRATA = ['NONE', 'KIND', 'REGION_LEVEL', 'MONITORING_BAND'] as const;
export type CampaignStrata = (typeof CAMPAIGN_STRATA)[number];

/** What raises an entry's chance of being drawn within its stratum. */
export const CAMPAIGN_WEIGHTINGS = ['EQUAL', 'MONITORING_SCORE', 'COMPLAINTS'] as const;
export type CampaignWeighting = (typeof CAMPAIGN_WEIGHTINGS)[number];

/** Bands of the focused-monitoring score (0–100). */
export const MONITORING_BANDS = [
  { band: 'HIGH', from: 60 },
  { band: 'MEDIUM', from: 30 },
  { band: 'LOW', from: 0 },
] as const;

export interface StratifiableEntry {
  kind: RegistryKind;
  regionCode: string;
  /** The focused-monitoring score under the weights in force. */
  score: number;
  /** Complaints and findings naming the entry. */
  complaints: number;
}

/** The stratum names a choice of strata can produce, in their canonical order. */
export function strataNames(strata: CampaignStrata): string[] {
  switch (strata) {
    case 'NONE':
      return ['ALL'];
    case 'KIND':
      return ['APP', 'MINI_PROGRAM', 'PUBLIC_ACCOUNT', 'WORK_GROUP'];
    case 'REGION_LEVEL':
      return ['PROVINCE', 'CITY', 'COUNTY'];
    case 'MONITORING_BAND':
      return MONITORING_BANDS.map((b) => b.band);
  }
}

export function stratumOf(strata: CampaignStrata, e: StratifiableEntry): string {
  switch (strata) {
    case 'NONE':
      return 'ALL';
    case 'KIND':
      return e.kind;
    case 'REGION_LEVEL':
      return e.regionCode.endsWith('0000') ? 'PROVINCE' : e.regionCode.endsWith('00') ? 'CITY' : 'COUNTY';
    case 'MONITORING_BAND':
      return MONITORING_BANDS.find((b) => e.score >= b.from)?.band ?? 'LOW';
  }
}

export function weightOf(weighting: CampaignWeighting, e: StratifiableEntry): number {
  switch (weighting) {
    case 'EQUAL':
      return 1;
    case 'MONITORING_SCORE':
      return Math.max(0, e.score);
    case 'COMPLAINTS':
      return 1 + Math.max(0, e.complaints);
  }
}

export interface SampleCandidate {
  id: number;
  version: number;
  stratum: string;
  /** ≥ 0; an entry of weight 0 is drawn only once its stratum's positive-weight entries are used up. */
  weight: number;
}

export interface StratumQuota {
  stratum: string;
  quota: number;
}

export interface StratumAllocation {
  stratum: string;
  population: number;
  quota: number;
}

export interface DrawnCandidate extends SampleCandidate {
  /** 1-based, over the whole sample: strata in allocation order, then by key within each. */
  drawOrder: number;
}

export interface Sample {
  allocation: StratumAllocation[];
  items: DrawnCandidate[];
}

/**
 * Proportional allocation with largest-remainder (Hamilton) rounding: each stratum gets the whole part of
 * n × population / total, and the seats left go to the largest remainders (ties: the larger population,
 * then the stratum earlier in `populations`). A share never exceeds its population (n ≤ total), so every
 * quota can be filled; n is capped at the total.
 */
export function allocateProportionally(populations: { stratum: string; population: number }[], sampleSize: number): StratumAllocation[] {
  const total = populations.reduce((s, p) => s + p.population, 0);
  const n = Math.min(Math.max(0, Math.floor(sampleSize)), total);
  if (n === 0) return populations.map((p) => ({ ...p, quota: 0 }));
  // Integer arithmetic: the remainders share the denominator `total`, so they compare exactly.
  const shares = populations.map((p, i) => ({ i, base: Math.floor((n * p.population) / total), rest: (n * p.population) % total }));
  let left = n - shares.reduce((s, x) => s + x.base, 0);
  const quotas = shares.map((x) => x.base);
  for (const x of [...shares].sort((a, b) => b.rest - a.rest || populations[b.i].population - populations[a.i].population || a.i - b.i)) {
    if (left === 0) break;
    quotas[x.i] += 1;
    left -= 1;
  }
  return populations.map((p, i) => ({ stratum: p.stratum, population: p.population, quota: quotas[i] }));
}

/**
 * Draws the sample. Candidates are taken in id order whatever order they come in. Per stratum, a
 * generator seeded with `${seed}|${stratum}` gives each candidate, in id order, u ∈ (0, 1]; its key is
 * ln(u) / w (the order of Efraimidis–Spirakis' u^(1/w), without underflow), −∞ for w = 0. The quota's
 * largest keys are drawn; ties (only among weight 0) go to the larger u, then the smaller id.
 * Quotas: explicit ones (capped at the stratum's population; strata not named get 0), else proportional.
 */
export function drawSample(candidates: readonly SampleCandidate[], options: { seed: string; sampleSize: number; strataOrder: readonly string[]; quotas?: readonly StratumQuota[] | null }): Sample {
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  const present = [...new Set(sorted.map((c) => c.stratum))];
  const order = [...options.strataOrder.filter((s) => present.includes(s)), ...present.filter((s) => !options.strataOrder.includes(s)).sort()];
  const populations = order.map((stratum) => ({ stratum, population: sorted.filter((c) => c.stratum === stratum).length }));
  const allocation = options.quotas
    ? populations.map((p) => ({ ...p, quota: Math.min(p.population, options.quotas!.find((q) => q.stratum === p.stratum)?.quota ?? 0) }))
    : allocateProportionally(populations, options.sampleSize);
  const items: DrawnCandidate[] = [];
  for (const { stratum, quota } of allocation) {
    const random = seededRandom(`${options.seed}|${stratum}`);
    const keyed = sorted
      .filter((c) => c.stratum === stratum)
      .map((c) => {
        const u = 1 - random();
        return { c, u, key: c.weight > 0 ? Math.log(u) / c.weight : -Infinity };
      });
    keyed.sort((a, b) => (a.key === b.key ? b.u - a.u || a.c.id - b.c.id : b.key - a.key));
    for (const { c } of keyed.slice(0, quota)) items.push({ ...c, drawOrder: items.length + 1 });
  }
  return { allocation, items };
}
