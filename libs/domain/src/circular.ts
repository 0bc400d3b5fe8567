import type { ActorRef } from './case-actions';
import type { CaseOutcome } from './case-state';
import type { FindingResult } from './case-state-machine';
import type { CaseSource, Category, Severity, SubjectType } from './case-vocabulary';
import type { Role } from './roles';

/**
 * The circular (情况通报): for a period and a jurisdiction, the statistics frozen when it was drafted, a summary,
 * typical cases without anyone's identity, and the practice the office wants to promote. One workflow per
 * circular carries it draft → reviewed → published; once published nothing changes and its hash is audited.
 */

export const CIRCULAR_STATUSES = ['DRAFT', 'REVIEWED', 'PUBLISHED'] as const;
export type CircularStatus = (typeof CIRCULAR_STATUSES)[number];

export const CIRCULAR_ACTIONS = ['edit', 'review', 'return', 'publish'] as const;
export type CircularAction = (typeof CIRCULAR_ACTIONS)[number];

/** The circular's lifecycle as data: who may do what from where, and where it leads. */
export const CIRCULAR_RULES: Record<CircularAction, { from: CircularStatus; roles: readonly Role[]; leadsTo: CircularStatus; summary: string }> = {
  edit: { from: 'DRAFT', roles: ['HANDLER', 'SUPERVISOR', 'ADMIN'], leadsTo: 'DRAFT', summary: 'Change the text of a draft' },
  review: { from: 'DRAFT', roles: ['SUPERVISOR', 'ADMIN'], leadsTo: 'REVIEWED', summary: 'Review the draft (someone other than its author)' },
  return: { from: 'REVIEWED', roles: ['SUPERVISOR', 'ADMIN'], leadsTo: 'DRAFT', summary: 'Send it back to draft' },
  publish: { from: 'REVIEWED', roles: ['SUPERVISOR', 'ADMIN'], leadsTo: 'PUBLISHED', summary: 'Publish it: it can no longer change' },
};

/** Roles that may draft a circular. */
export const CIRCULAR_AUTHOR_ROLES: readonly Role[] = ['HANDLER', 'SUPERVISOR', 'ADMIN'];

export const CIRCULAR_TEXT_MAX = 5000;
export const CIRCULAR_TITLE_MAX = 100;
export const CIRCULAR_TYPICAL_CASES_MAX = 10;

/** A rate as the circular keeps it: the numbers, never only the percentage. */
export interface CircularRate {
  key: string;
  label: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  small: boolean;
}

export interface CircularStatisticsRow {
  key: string;
  label: string;
  cases: number;
  handlingDaysMedian: number | null;
  handlingDaysP90: number | null;
  onTime: CircularRate[];
  rates: CircularRate[];
}

/**
 * A typical case, anonymized: structured facts only, no complainant and no free text that might name a
 * person (the drafter's `comment` is theirs to word, and the API refuses digits runs that look like phone numbers).
 */
export interface TypicalCase {
  caseNo: string;
  source: CaseSource;
  category: Category;
  subjectType: SubjectType;
  subjectName: string;
  regionCode: string;
  findingResult: FindingResult | null;
  severity: Severity | null;
  outcome: CaseOutcome | null;
  comment: string;
}

export interface CircularContent {
  title: string;
  /** Whole months, `2026-11`. */
  from: string;
  to: string;
  organizationId: number;
  organizationName: string;
  summary: string;
  practices: string;
  smallDenominator: number;
  total: CircularStatisticsRow;
  byCategory: CircularStatisticsRow[];
  byMonth: CircularStatisticsRow[];
  typicalCases: TypicalCase[];
}

export interface CircularInput {
  circularId: string;
  content: CircularContent;
  author: ActorRef;
  createdAt: string;
}

export interface CircularState {
  circularId: string;
  status: CircularStatus;
  content: CircularContent;
  authorUserId: number | null;
  reviewerUserId: number | null;
  publisherUserId: number | null;
  /** SHA-256 of the published content (canonical JSON), set on publishing. */
  contentHash: string | null;
  publishedAt: string | null;
  /** Counts changes; the projection keeps the newest. */
  revision: number;
}

export interface CircularCommand {
  action: CircularAction;
  actor: ActorRef;
  /** edit only: the new texts. */
  changes?: Partial<Pick<CircularContent, 'title' | 'summary' | 'practices'>>;
  note?: string;
}

export function initialCircularState(input: CircularInput): CircularState {
  return { circularId: input.circularId, status: 'DRAFT', content: input.content, authorUserId: input.author.userId, reviewerUserId: null, publisherUserId: null, contentHash: null, publishedAt: null, revision: 1 };
}

/** Why the action is not allowed now, or null. */
export function refuseCircularAction(state: CircularState, command: CircularCommand): string | null {
  const rule = CIRCULAR_RULES[command.action];
  if (!rule) return `unknown action ${String(command.action)}`;
  if (state.status === 'PUBLISHED') return 'a published circular cannot change';
  if (state.status !== rule.from) return `${command.action} is not allowed while the circular is ${state.status}`;
  if (!command.actor.role || !rule.roles.includes(command.actor.role as Role)) return `${command.action} needs the role ${rule.roles.join(' or ')}`;
  if (command.action === 'review' && command.actor.userId !== null && command.actor.userId === state.authorUserId) return 'the author of a circular cannot review it';
  return null;
}

/** Carries out an allowed action (the caller checked refuseCircularAction first). */
export function applyCircularAction(state: CircularState, command: CircularCommand, now: string): CircularState {
  const next: CircularState = { ...state, status: CIRCULAR_RULES[command.action].leadsTo, revision: state.revision + 1 };
  if (command.action === 'edit') next.content = { ...state.content, ...definedOnly(command.changes ?? {}) };
  if (command.action === 'review') next.reviewerUserId = command.actor.userId;
  if (command.action === 'return') next.reviewerUserId = null;
  if (command.action === 'publish') {
    next.publisherUserId = command.actor.userId;
    next.publishedAt = now;
  }
  return next;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The content as canonical JSON (keys sorted at every level): what the published hash is taken of, so the
 * same circular always hashes the same, whoever serialises it.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Something in free text that looks like a phone or ID number: a circular must not carry it. */
export const PERSONAL_NUMBER_PATTERN = /\d{7,}/;

/** The workflow id of a circular. */
export const circularWorkflowId = (circularId: string) => `circular-${circularId}`;
