import type { Client } from '@temporalio/client';
import { summarize, type LatencySummary } from './stats';

/** Where a workflow's time went, from its history: queueing (scheduled to started) and running (started to closed). */
export interface TaskBreakdown {
  workflows: number;
  tasks: Record<string, { count: number; scheduleToStartMs: LatencySummary; startToCloseMs: LatencySummary }>;
}

type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;

function ms(ts: Timestamp): number {
  if (!ts) return NaN;
  const s = ts.seconds as { toNumber?: () => number } | number | string | undefined;
  const seconds = typeof s === 'object' && s !== null && typeof s.toNumber === 'function' ? s.toNumber() : Number(s ?? 0);
  return seconds * 1000 + (ts.nanos ?? 0) / 1e6;
}

/**
 * Reads the histories of a sample of workflows and times every activity (by type) and every workflow task:
 * schedule-to-start is time spent waiting for the worker, start-to-close is time spent running.
 */
export async function taskBreakdown(client: Client, workflowIds: string[]): Promise<TaskBreakdown> {
  const queued: Record<string, number[]> = {};
  const running: Record<string, number[]> = {};
  const add = (name: string, scheduled: number, started: number, closed: number) => {
    (queued[name] ??= []).push(started - scheduled);
    (running[name] ??= []).push(closed - started);
  };
  let workflows = 0;
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    workflows++;
    const scheduled = new Map<string, { name: string; at: number }>();
    const started = new Map<string, number>();
    for (const event of history.events ?? []) {
      const id = String(event.eventId);
      const at = ms(event.eventTime as Timestamp);
      if (event.activityTaskScheduledEventAttributes) scheduled.set(id, { name: `activity ${event.activityTaskScheduledEventAttributes.activityType?.name}`, at });
      else if (event.workflowTaskScheduledEventAttributes) scheduled.set(id, { name: 'workflow task', at });
      else if (event.activityTaskStartedEventAttributes) started.set(String(event.activityTaskStartedEventAttributes.scheduledEventId), at);
      else if (event.workflowTaskStartedEventAttributes) started.set(String(event.workflowTaskStartedEventAttributes.scheduledEventId), at);
      else if (event.activityTaskCompletedEventAttributes || event.workflowTaskCompletedEventAttributes) {
        const scheduledId = String((event.activityTaskCompletedEventAttributes ?? event.workflowTaskCompletedEventAttributes)!.scheduledEventId);
        const s = scheduled.get(scheduledId);
        const st = started.get(scheduledId);
        if (s && st !== undefined) add(s.name, s.at, st, at);
      }
    }
  }
  const tasks = Object.fromEntries(
    Object.keys(queued)
      .sort()
      .map((name) => [name, { count: queued[name].length, scheduleToStartMs: summarize(queued[name]), startToCloseMs: summarize(running[name]) }]),
  );
  return { workflows, tasks };
}
