import type { RegistryEntryContent } from './registry-rules';

/**
 * Focused monitoring (重点监测): a score from 0 to 100 for how closely an entry is watched, from the five
 * things the policy names. Each factor is a number from 0 to 1; the score is their weighted mean × 100, so
 * the weights say only how the factors count against each other (an administrator sets them, versioned).
 */
export const SCORE_FACTORS = ['USER_SCALE', 'FEATURES', 'FREQUENCY', 'REACH', 'COMPLAINTS'] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];
export type ScoreWeights = Record<ScoreFactor, number>;

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { USER_SCALE: 3, FEATURES: 2, FREQUENCY: 1, REACH: 2, COMPLAINTS: 3 };
/** Each weight is a whole number 0–10, and at least one is above 0. */
export const MAX_SCORE_WEIGHT = 10;

/** Ten million users or more count fully; the scale is logarithmic (a thousand users: 3/7). */
const FULL_USERS = 7;
/** Five complaints or more about an entry count fully. */
export const FULL_COMPLAINTS = 5;
/** Used within a week counts fully; the factor falls to 0 at a year. */
const FREQUENT_DAYS = 7;
const IDLE_DAYS = 365;

export interface ScoreInput extends Pick<RegistryEntryContent, 'declaredUsers' | 'features' | 'regionCode' | 'kind' | 'lastContentUpdateOn' | 'lastUsedOn'> {
  /** Complaints and findings naming the entry. */
  complaints: number;
}

export type ScoreFactors = Record<ScoreFactor, number>;

const round = (x: number) => Math.round(x * 1000) / 1000;
const days = (from: string, to: string) => Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The factors of an entry:
 * - USER_SCALE: log10(1 + declared users) / 7, at most 1 (unknown: 0);
 * - FEATURES: restricted features set, each 1/3, an unapproved one counting double, at most 1;
 * - FREQUENCY: how recently it was used or (accounts) updated, a proxy for how often: 1 within 7 days, falling
 *   linearly to 0 at 365 (unknown: 0);
 * - REACH: the breadth of its region: a province 1, a city 0.6, a district or county 0.3;
 * - COMPLAINTS: complaints and findings naming it / 5, at most 1.
 */
export function scoreFactors(e: ScoreInput, today: string): ScoreFactors {
  const users = e.declaredUsers ? Math.min(1, Math.log10(1 + e.declaredUsers) / FULL_USERS) : 0;
  const features = Math.min(1, e.features.reduce((sum, f) => sum + (f.approved ? 1 : 2), 0) / 3);
  const latest = [e.kind === 'PUBLIC_ACCOUNT' ? e.lastContentUpdateOn : null, e.lastUsedOn].filter((d): d is string => !!d).sort().pop();
  const idle = latest ? days(latest, today) : null;
  const frequency = idle === null ? 0 : idle <= FREQUENT_DAYS ? 1 : Math.max(0, 1 - (idle - FREQUENT_DAYS) / (IDLE_DAYS - FREQUENT_DAYS));
  const reach = e.regionCode.endsWith('0000') ? 1 : e.regionCode.endsWith('00') ? 0.6 : 0.3;
  const complaints = Math.min(1, e.complaints / FULL_COMPLAINTS);
  return { USER_SCALE: round(users), FEATURES: round(features), FREQUENCY: round(frequency), REACH: reach, COMPLAINTS: round(complaints) };
}

/** The weighted mean of the factors × 100, to one decimal. */
export function monitoringScore(factors: ScoreFactors, weights: ScoreWeights): number {
  const total = SCORE_FACTORS.reduce((sum, f) => sum + weights[f], 0);
  if (total <= 0) return 0;
  return Math.round((SCORE_FACTORS.reduce((sum, f) => sum + weights[f] * factors[f], 0) / total) * 1000) / 10;
}

/** Why the weights cannot be used, in zh-CN; null when they can. */
export function scoreWeightsProblem(weights: Partial<Record<string, unknown>>): string | null {
  for (const f of SCORE_FACTORS) {
    const w = weights[f];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > MAX_SCORE_WEIGHT) return `每项权重应为0到${MAX_SCORE_WEIGHT}的整数`;
  }
  if (SCORE_FACTORS.every((f) => weights[f] === 0)) return '至少一项权重大于0';
  return null;
}
