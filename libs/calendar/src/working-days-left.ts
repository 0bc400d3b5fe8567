import type { WorkingCalendar } from './working-calendar';

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
const beijingDay = (ms: number): number => Math.floor((ms + BEIJING) / DAY);
const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Working days left until a deadline, as the inbox shows it: the working days from today (Beijing) to the
 * deadline's last day, today included. Past the deadline it is negative: the working days since the deadline, today included, at least -1.
 */
export function workingDaysLeft(calendar: WorkingCalendar, now: Date, deadlineAt: Date): number {
  const nowMs = now.getTime();
  const endMs = deadlineAt.getTime();
  if (endMs > nowMs) {
    let count = 0;
    const last = beijingDay(endMs - 1);
    for (let d = beijingDay(nowMs); d <= last && count <= 400; d++) if (calendar.isWorkday(dateOf(d))) count++;
    return count;
  }
  let count = 0;
  for (let d = beijingDay(endMs); d <= beijingDay(nowMs) && count < 400; d++) if (calendar.isWorkday(dateOf(d))) count++;
  return -Math.max(1, count);
}

/**
 * Working days a piece of work took: those after `from`'s Beijing day up to and including `to`'s, as
 * deadlines count them (work started and done the same day took 0; submitted Friday, done Monday took 1).
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  let count = 0;
  const last = beijingDay(to.getTime());
  for (let d = beijingDay(from.getTime()) + 1; d <= last && count < 10_000; d++) if (calendar.isWorkday(dateOf(d))) count++;
  return count;
}
