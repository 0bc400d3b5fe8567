import type { CalendarService } from '@app/calendar';
import { ESCALATION_EVENTS, type ActorRef, type CaseStall, type CaseState, type CaseWorkflowInput, type Category, type DeadlineSchedule, type SlaPolicySnapshot, type Severity, type SlaTerms, type TimelineEntry } from '@app/domain';
import type { CaseProjectionWriter, NoticeRequest, NotificationWriter, RegisteredCase } from '@app/projection';
import type { SlaPolicyService } from '@app/sla';

export interface CaseActivityDeps {
  projection: CaseProjectionWriter;
  notifications: NotificationWriter;
  calendar: CalendarService;
  sla: SlaPolicyService;
  /** Counts escalations once each, when their projection is written (not on a retried write). */
  escalations: { inc(labels: { kind: string }): void };
}

type ScheduleTerms = Pick<SlaTerms, 'timeUnit' | 'supervisionGrace' | 'referralGrace'>;

/** Adapters the case and referral workflows call; the rules live in libs/. */
export function createCaseActivities({ projection, notifications, calendar, sla, escalations }: CaseActivityDeps) {
  return {
    async registerCase(input: CaseWorkflowInput): Promise<RegisteredCase> {
      return projection.register(input);
    },

    async resolvePolicy(category: Category, severity: Severity | null): Promise<SlaPolicySnapshot> {
      return sla.resolve(category, severity);
    },

    /** Working-day arithmetic runs here, not in the workflow: the calendar data changes. */
    async computeDeadline(startedAt: string, amount: number, terms: ScheduleTerms): Promise<DeadlineSchedule> {
      return (await calendar.current()).schedule(new Date(startedAt), amount, terms);
    },

    async revisitWindowEnd(from: string, amount: number, timeUnit: SlaTerms['timeUnit']): Promise<string> {
      return (await calendar.current()).addCalendarDays(new Date(from), amount, timeUnit).toISOString();
    },

    async projectCase(state: CaseState, entries: TimelineEntry[], firstSeq: number, at: string): Promise<void> {
      const moved = await projection.project(state, entries, firstSeq, new Date(at));
      if (moved) for (const entry of entries) if (ESCALATION_EVENTS.has(entry.type)) escalations.inc({ kind: entry.type });
    },

    /** Writes the stall (or its end, after a successful retry) to the case row and the audit trail. */
    async recordStall(caseId: string, stall: CaseStall | null, stallNo: number, actor: ActorRef | null, at: string): Promise<void> {
      await projection.recordStall(caseId, stall, stallNo, actor, new Date(at));
    },

    async openCaseIds(afterId: string, limit: number): Promise<string[]> {
      return projection.openCaseIds(afterId, limit);
    },

    async sendNotice(request: NoticeRequest): Promise<number> {
      return notifications.send(request);
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
