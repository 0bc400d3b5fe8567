import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, LessThanOrEqual, MoreThanOrEqual, type FindOptionsWhere, type Repository } from 'typeorm';
import { AuditTrail, type AuditActor } from '@app/audit';
import { CALENDAR_CACHE_MS } from '@app/domain';
import { CalendarBroadcastEntity } from './calendar-broadcast.entity';
import { CalendarDayOverrideEntity } from './calendar-day-override.entity';
import { isCalendarDate, MAX_DAYS_OFF_IN_A_ROW, validateDayOverrides, WorkingCalendar, type DayOverride, type DayOverrideProblem } from './working-calendar';

/** Overrides an administrator submitted break the rules; problems name each field. */
export class CalendarOverrideError extends Error {
  constructor(readonly problems: DayOverrideProblem[]) {
    super(`Invalid calendar overrides: ${[...new Set(problems.map((p) => p.field))].join(', ')}`);
    this.name = 'CalendarOverrideError';
  }
}

/** Overrides change rarely; a short cache spares a query per deadline while other processes catch up within it. */
const CACHE_TTL_MS = CALENDAR_CACHE_MS;

@Injectable()
export class CalendarService {
  private cached: { calendar: WorkingCalendar; loadedAt: number } | undefined;
  private loading: Promise<WorkingCalendar> | undefined;
  /** Bumped by invalidate(), so a load that started before a write does not cache what it read. */
  private generation = 0;

  constructor(
    @InjectRepository(CalendarDayOverrideEntity) private readonly overrides: Repository<CalendarDayOverrideEntity>,
    private readonly audit: AuditTrail,
  ) {}

  /** The calendar with every stored override, at most 30 s old in this process. */
  async current(): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < CACHE_TTL_MS) return this.cached.calendar;
    return (this.loading ??= this.load());
  }

  invalidate(): void {
    this.generation += 1;
    this.cached = undefined;
    this.loading = undefined;
  }

  /**
   * Writes all the days or none; an existing override of the same day is replaced. In the same transaction
   * it records the broadcast that must tell running cases (returned: its id), so the change is never lost.
   */
  async upsertOverrides(days: DayOverride[], actor: AuditActor): Promise<{ broadcastId: string | null }> {
    const problems = validateDayOverrides(days);
    if (problems.length > 0) throw new CalendarOverrideError(problems);
    if (days.length === 0) return { broadcastId: null };
    const updatedAt = new Date();
    const rows = days.map((d) => ({ day: d.date, workday: d.workday, name: d.name.trim(), updatedBy: actor.userId, updatedAt }));
    const broadcastId = randomUUID();
    await this.overrides.manager.transaction(async (em) => {
      // Every stored override, locked: two saves at once cannot each add half of a run that is too long.
      const stored = await em.find(CalendarDayOverrideEntity, { lock: { mode: 'pessimistic_write' } });
      const merged = new Map(stored.map((r) => [r.day, { date: r.day, workday: r.workday, name: r.name }]));
      for (const d of days) merged.set(d.date, d);
      const longRuns = new WorkingCalendar([...merged.values()]).daysOffRunsTooLong();
      if (longRuns.length > 0) {
        throw new CalendarOverrideError(
          longRuns.map((run) => ({ field: 'days', reason: `${run.from} to ${run.to} would be ${run.days} days off in a row; at most ${MAX_DAYS_OFF_IN_A_ROW} are allowed` })),
        );
      }
      const wanted = new Set(rows.map((r) => r.day));
      const before = stored.filter((b) => wanted.has(b.day));
      await em.upsert(CalendarDayOverrideEntity, rows, ['day']);
      await em.insert(CalendarBroadcastEntity, { id: broadcastId, requestedAt: updatedAt, startedAt: null, attempts: 0, lastError: null });
      await this.audit.append(
        [{ action: 'calendar.OVERRIDES_SAVED', actor, subject: 'calendar', before: before.map((b) => ({ date: b.day, workday: b.workday, name: b.name })), after: days }],
        em,
      );
    });
    this.invalidate();
    return { broadcastId };
  }

  /** Stored overrides by day, optionally within [from, to] (inclusive, 'YYYY-MM-DD'). */
  async listOverrides(from?: string, to?: string): Promise<CalendarDayOverrideEntity[]> {
    const problems: DayOverrideProblem[] = [];
    if (from !== undefined && !isCalendarDate(from)) problems.push({ field: 'from', reason: 'must be a real date written YYYY-MM-DD' });
    if (to !== undefined && !isCalendarDate(to)) problems.push({ field: 'to', reason: 'must be a real date written YYYY-MM-DD' });
    if (problems.length === 0 && from !== undefined && to !== undefined && from > to) problems.push({ field: 'to', reason: 'must not be before from' });
    if (problems.length > 0) throw new CalendarOverrideError(problems);

    const where: FindOptionsWhere<CalendarDayOverrideEntity> = {};
    if (from !== undefined && to !== undefined) where.day = Between(from, to);
    else if (from !== undefined) where.day = MoreThanOrEqual(from);
    else if (to !== undefined) where.day = LessThanOrEqual(to);
    return this.overrides.find({ where, order: { day: 'ASC' } });
  }

  private load(): Promise<WorkingCalendar> {
    const generation = this.generation;
    const loading = this.overrides
      .find({ order: { day: 'ASC' } })
      .then((rows) => {
        const calendar = new WorkingCalendar(rows.map((r) => ({ date: r.day, workday: r.workday, name: r.name })));
        if (generation === this.generation) this.cached = { calendar, loadedAt: Date.now() };
        return calendar;
      })
      .finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
    return loading;
  }
}
