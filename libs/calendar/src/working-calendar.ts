import { createHash } from 'node:crypto';
import type { DeadlineSchedule, SlaTerms } from '@app/domain';
// The package's published data, not its functions: those read dates in the process's local time zone,
// so west of UTC they answer for the wrong day (see the time zone test in the spec).
import published from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';

/** An administrator's decision about one Beijing day; it wins over the published arrangement. */
export interface DayOverride {
  /** 'YYYY-MM-DD' */
  date: string;
  workday: boolean;
  name: string;
}

export interface DayOverrideProblem {
  field: string;
  reason: string;
}

/** A run of consecutive days off, inclusive, 'YYYY-MM-DD'. */
export interface DaysOffRun {
  from: string;
  to: string;
  days: number;
}

export type ScheduleTerms = Pick<SlaTerms, 'timeUnit' | 'supervisionGrace' | 'referralGrace'>;

export const MAX_WORKING_DAYS = 400;
export const MAX_MINUTES = 366 * 24 * 60;
export const MAX_OVERRIDES_PER_CALL = 400;
export const OVERRIDE_NAME_MAX = 64;
/**
 * No real arrangement has more days off in a row; more means the overrides are wrong, not a long wait.
 * The API refuses such overrides; the arithmetic counts the day after 31 days off as a working day, so it
 * stays total even on stored data that breaks the rule.
 */
export const MAX_DAYS_OFF_IN_A_ROW = 31;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Beijing is UTC+8 all year (no DST since 1991), so a Beijing day is a fixed 24 h window. */
const BEIJING_OFFSET = 8 * HOUR;

const PUBLISHED = published as { holidays: Record<string, string>; workdays: Record<string, string> };
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written 'YYYY-MM-DD' (rejects '2026-02-30' and '2026-2-3'). */
export function isCalendarDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  return m !== null && isoDate(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY) === value;
}

/** Every problem of a list of overrides an administrator submits, so all of them are shown at once. */
export function validateDayOverrides(days: unknown): DayOverrideProblem[] {
  if (!Array.isArray(days)) return [{ field: 'days', reason: 'must be an array' }];
  if (days.length > MAX_OVERRIDES_PER_CALL) return [{ field: 'days', reason: `must have at most ${MAX_OVERRIDES_PER_CALL} entries` }];
  const problems: DayOverrideProblem[] = [];
  const seen = new Set<string>();
  for (const [i, day] of (days as unknown[]).entries()) {
    const at = `days[${i}]`;
    if (typeof day !== 'object' || day === null) {
      problems.push({ field: at, reason: 'must be an object' });
      continue;
    }
    const { date, workday, name } = day as Partial<Record<keyof DayOverride, unknown>>;
    if (!isCalendarDate(date)) problems.push({ field: `${at}.date`, reason: 'must be a real date written YYYY-MM-DD' });
    else if (seen.has(date)) problems.push({ field: `${at}.date`, reason: `${date} is listed twice` });
    else seen.add(date);
    if (typeof workday !== 'boolean') problems.push({ field: `${at}.workday`, reason: 'must be true or false' });
    // Code points, as the varchar(64) column counts characters.
    const length = typeof name === 'string' ? [...name.trim()].length : 0;
    if (length === 0 || length > OVERRIDE_NAME_MAX) problems.push({ field: `${at}.name`, reason: `must be 1 to ${OVERRIDE_NAME_MAX} characters` });
  }
  return problems;
}

/**
 * Chinese working days (public holidays off, make-up weekends on) and the deadline instants built on them.
 * Days are Beijing days; counting starts the day after the event; N working days end at the Beijing
 * midnight that follows the N-th working day. Pure: the overrides are given, nothing is read at call time.
 */
export class WorkingCalendar {
  private readonly overrides: ReadonlyMap<string, boolean>;
  private readonly hash: string;
  /** Days off that end a run of MAX_DAYS_OFF_IN_A_ROW days off: counted as working days. */
  private readonly forcedWorkdays = new Set<number>();
  private readonly longRuns: DaysOffRun[] = [];

  constructor(overrides: readonly DayOverride[] = []) {
    // Only what the arithmetic needs: stored rows are many and their names do not matter here.
    const days = new Map<string, boolean>();
    for (const { date, workday } of overrides) {
      if (!isCalendarDate(date)) throw new RangeError(`Override date must be a real date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
      if (typeof workday !== 'boolean') throw new RangeError(`Override ${date}: workday must be true or false`);
      if (days.has(date)) throw new RangeError(`Override ${date} is listed twice`);
      days.set(date, workday);
    }
    this.overrides = days;
    // Names do not move deadlines, so they are left out: renaming a day must not recompute running cases.
    const canonical = [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, workday]) => `${date}:${workday ? 'W' : 'H'}`);
    this.hash = createHash('sha256').update(`chinese-days@${chineseDaysVersion}|${canonical.join(',')}`).digest('hex').slice(0, 16);
    this.findLongRuns();
  }

  /** Runs of more than MAX_DAYS_OFF_IN_A_ROW days off that the overrides make (the package alone has none). */
  daysOffRunsTooLong(): readonly DaysOffRun[] {
    return this.longRuns;
  }

  /** Changes when the overrides or the package data change: a running case's deadlines may then move. */
  fingerprint(): string {
    return this.hash;
  }

  isWorkday(date: string): boolean {
    if (!isCalendarDate(date)) throw new RangeError(`date must be a real date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
    return this.isWorkingDay(Date.parse(date) / DAY);
  }

  /** The end of the n-th working day after from's Beijing day; n = 0 is from itself. */
  addWorkingDays(from: Date, n: number): Date {
    const start = instantOf(from, 'from');
    checkCount(n, 'n', 0, MAX_WORKING_DAYS);
    return new Date(this.afterWorkingTime(start, n * DAY));
  }

  /** Plain calendar time: n days (same Beijing clock time, as there is no DST), or n minutes under MINUTE. */
  addCalendarDays(from: Date, n: number, unit: ScheduleTerms['timeUnit']): Date {
    const start = instantOf(from, 'from');
    checkUnit(unit);
    if (unit === 'MINUTE') checkCount(n, 'n', 0, MAX_MINUTES);
    else checkCount(n, 'n', 0, MAX_WORKING_DAYS);
    return new Date(start + n * (unit === 'MINUTE' ? MINUTE : DAY));
  }

  /** The instants of a stage that starts at `start` and lasts `amount` (working days, or minutes). */
  schedule(start: Date, amount: number, terms: ScheduleTerms): DeadlineSchedule {
    const from = instantOf(start, 'start');
    checkUnit(terms.timeUnit);
    if (terms.timeUnit === 'MINUTE') {
      checkCount(amount, 'amount', 1, MAX_MINUTES);
      return minuteSchedule(from, amount * MINUTE, terms);
    }
    checkCount(amount, 'amount', 1, MAX_WORKING_DAYS);
    return this.workingDaySchedule(from, amount, terms);
  }

  /**
   * An approved extension: the deadline moves `extra` working days past the old deadline's day, the warning
   * is recomputed on the new total from the same start, the escalations from the new deadline.
   */
  extend(schedule: DeadlineSchedule, extra: number, terms: ScheduleTerms): DeadlineSchedule {
    const from = parseInstant(schedule.startedAt, 'schedule.startedAt');
    const oldDeadline = parseInstant(schedule.deadlineAt, 'schedule.deadlineAt');
    if (oldDeadline <= from) throw new RangeError('schedule.deadlineAt must be after schedule.startedAt');
    checkUnit(terms.timeUnit);
    if (terms.timeUnit === 'MINUTE') {
      checkCount(extra, 'extra', 1, MAX_MINUTES);
      return minuteSchedule(from, oldDeadline - from + extra * MINUTE, terms);
    }
    checkCount(extra, 'extra', 1, MAX_WORKING_DAYS);
    // The deadline's day is the one that ends at deadlineAt (deadlineAt is the midnight after it).
    const newDeadlineDay = this.workingDayAfter(dayOf(oldDeadline - 1), extra);
    // Counted on today's calendar, so a holiday published since the start is taken into account.
    const total = this.countWorkingDays(dayOf(from), newDeadlineDay);
    return this.workingDaySchedule(from, total, terms);
  }

  private workingDaySchedule(from: number, days: number, terms: ScheduleTerms): DeadlineSchedule {
    checkCount(terms.supervisionGrace, 'supervisionGrace', 0, MAX_WORKING_DAYS);
    checkCount(terms.referralGrace, 'referralGrace', 0, MAX_WORKING_DAYS);
    const deadlineDay = this.workingDayAfter(dayOf(from), days);
    return {
      startedAt: iso(from),
      // DAY is a multiple of 3, so two thirds of it is an exact number of milliseconds.
      warnAt: iso(this.afterWorkingTime(from, (days * DAY * 2) / 3)),
      deadlineAt: iso(endOfDay(deadlineDay)),
      supervisionAt: iso(endOfDay(this.workingDayAfter(deadlineDay, terms.supervisionGrace))),
      referralAt: iso(endOfDay(this.workingDayAfter(deadlineDay, terms.referralGrace))),
    };
  }

  /**
   * The instant when `work` ms of working time have passed since `from`: each working day after from's day
   * counts 24 h, every other day nothing. On a whole number of days that is the end of the last one.
   */
  private afterWorkingTime(from: number, work: number): number {
    if (work === 0) return from;
    const whole = Math.floor(work / DAY);
    const rest = work - whole * DAY;
    const day = dayOf(from);
    return rest === 0 ? endOfDay(this.workingDayAfter(day, whole)) : startOfDay(this.workingDayAfter(day, whole + 1)) + rest;
  }

  /**
   * The n-th working day after `day` (day numbers count Beijing days since 1970-01-01). Always ends: at
   * most MAX_DAYS_OFF_IN_A_ROW days off come in a row (see findLongRuns).
   */
  private workingDayAfter(day: number, n: number): number {
    let current = day;
    for (let left = n; left > 0; ) {
      current += 1;
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  /**
   * Only an override holiday can make a long run (weekends and the package's holidays are short), so each
   * run through one is walked once; in a run longer than the maximum, every (maximum + 1)-th day is forced on.
   */
  private findLongRuns(): void {
    const holidays = [...this.overrides].filter(([, workday]) => !workday).map(([date]) => Date.parse(date) / DAY).sort((a, b) => a - b);
    let scannedThrough = -Infinity;
    for (const holiday of holidays) {
      if (holiday <= scannedThrough) continue;
      let start = holiday;
      while (!this.isListedWorkingDay(start - 1)) start -= 1;
      let end = start;
      let inARow = 0;
      while (!this.isListedWorkingDay(end)) {
        if (++inARow > MAX_DAYS_OFF_IN_A_ROW) {
          this.forcedWorkdays.add(end);
          inARow = 0;
        }
        end += 1;
      }
      scannedThrough = end;
      if (end - start > MAX_DAYS_OFF_IN_A_ROW) this.longRuns.push({ from: isoDate(start), to: isoDate(end - 1), days: end - start });
    }
  }

  /**
   * Working days in (afterDay, throughDay]. A schedule of this calendar, extended once, spans at most
   * 2 × 400 working days of at most 32 calendar days each; a longer span is a forged schedule.
   */
  private countWorkingDays(afterDay: number, throughDay: number): number {
    const maxSpan = 2 * MAX_WORKING_DAYS * (MAX_DAYS_OFF_IN_A_ROW + 1);
    if (throughDay - afterDay > maxSpan) throw new RangeError(`The schedule spans more than ${maxSpan} calendar days`);
    let count = 0;
    for (let day = afterDay + 1; day <= throughDay; day++) if (this.isWorkingDay(day)) count++;
    return count;
  }

  private isWorkingDay(day: number): boolean {
    return this.forcedWorkdays.has(day) || this.isListedWorkingDay(day);
  }

  /** As the overrides, the package and the weekends say. */
  private isListedWorkingDay(day: number): boolean {
    const date = isoDate(day);
    const override = this.overrides.get(date);
    if (override !== undefined) return override;
    if (Object.hasOwn(PUBLISHED.workdays, date)) return true;
    if (Object.hasOwn(PUBLISHED.holidays, date)) return false;
    const weekday = new Date(day * DAY).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

function minuteSchedule(from: number, length: number, terms: ScheduleTerms): DeadlineSchedule {
  checkCount(terms.supervisionGrace, 'supervisionGrace', 0, MAX_MINUTES);
  checkCount(terms.referralGrace, 'referralGrace', 0, MAX_MINUTES);
  const deadline = from + length;
  return {
    startedAt: iso(from),
    warnAt: iso(from + Math.floor((length * 2) / 3)),
    deadlineAt: iso(deadline),
    supervisionAt: iso(deadline + terms.supervisionGrace * MINUTE),
    referralAt: iso(deadline + terms.referralGrace * MINUTE),
  };
}

function dayOf(instant: number): number {
  return Math.floor((instant + BEIJING_OFFSET) / DAY);
}

function startOfDay(day: number): number {
  return day * DAY - BEIJING_OFFSET;
}

function endOfDay(day: number): number {
  return startOfDay(day + 1);
}

function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

function instantOf(value: Date, field: string): number {
  const time = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(time)) throw new RangeError(`${field} must be a valid Date`);
  return time;
}

function parseInstant(value: string, field: string): number {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new RangeError(`${field} must be an ISO instant, got ${JSON.stringify(value)}`);
  return time;
}

function checkCount(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

function checkUnit(unit: unknown): void {
  if (unit !== 'WORKING_DAY' && unit !== 'MINUTE') throw new RangeError(`timeUnit must be WORKING_DAY or MINUTE, got ${String(unit)}`);
}
