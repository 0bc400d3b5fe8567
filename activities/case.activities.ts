import type { CalendarService } from '@app/calendar';
import { ESCALATION_EVENTS, type ActorRef, type CaseStall, type CaseState, type CaseWorkflowInput, type Category, type DeadlineSchedule, type Decision, type DecisionOutcome, type SlaPolicySnapshot, type Severity, type SlaTerms, type TimelineEntry } from '@app/domain';
import type { CaseDecisionWriter, CaseProjectionWriter, NoticeRequest, NotificationWriter, RegisteredCase } from '@app/projection';
import type { SlaPolicyService } from '@app/sla';

export interface CaseActivityDeps {
  projection: CaseProjectionWriter;
  decisions: CaseDecisionWriter;
  notifications: NotificationWriter;
  calendar: CalendarService;
  sla: SlaPolicyService;
  /** Counts escalations once each, when their projection is written (not on a retried write). */
  escalations: { inc(labels: { kind: string }): void };
}

/** A registered case and the policy its deadlines run on, from one activity. */
export interface CaseRegistration extends RegisteredCase {
  policy: SlaPolicySnapshot;
}

type ScheduleTerms = Pick<SlaTerms, 'timeUnit' | 'supervisionGrace' | 'referralGrace'>;

/** Adapters the case and referral workflows call; the rules live in libs/. */
export function createCaseActivities({ projection, decisions, notifications, calendar, sla, escalations }: CaseActivityDeps) {
  return {
    async registerCase(input: CaseWorkflowInput): Promise<RegisteredCase> {
      return projection.register(input);
    },

    /** Registration and the policy lookup in one call (cases started since the one-transaction-per-decision patch). */
    async registerCaseWithPolicy(input: CaseWorkflowInput): Promise<CaseRegistration> {
      const registered = await projection.register(input);
      return { ...registered, policy: await sla.resolve(input.category, input.severity) };
    },

    /**
     * One decision, one transaction: deadlines, projection and notices (libs/projection CaseDecisionWriter).
     * Returns what the workflow applies to its own state, and the search attributes of the written row.
     */
    async carryOutDecision(state: CaseState, decision: Decision, now: string): Promise<DecisionOutcome> {
      const result = await decisions.carryOut(state, decision, now);
      if (result.moved) countEscalations(escalations, result.entries);
      return result.outcome;
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
      if (moved) countEscalations(escalations, entries);
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

function countEscalations(escalations: CaseActivityDeps['escalations'], entries: TimelineEntry[]): void {
  for (const entry of entries) if (ESCALATION_EVENTS.has(entry.type)) escalations.inc({ kind: entry.type });
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
