import type { EntityManager } from 'typeorm';

/** What of a case row the deadline dashboard counts. */
export interface CountedCase {
  status: string;
  stage: string;
  handlingOrgId: number;
  investigatingOrgId: number | null;
  hasDeadline: boolean;
  warned: boolean;
  overdue: boolean;
  supervised: boolean;
  referred: boolean;
}

export const COUNTER_COLUMNS = ['on_time', 'at_risk', 'overdue', 'supervised', 'referred', 'total'] as const;
type Counts = Record<(typeof COUNTER_COLUMNS)[number], number>;

interface CounterKey {
  handlingOrgId: number;
  investigatingOrgId: number;
  stage: string;
  shard: number;
}

/**
 * Each key's counts are spread over this many rows, chosen by case id: cases of one office and stage
 * would otherwise all update one row and wait on each other's transactions. The dashboard sums them.
 */
export const COUNTER_SHARDS = 8;

/** A case's counter row among its key's shards: from the first byte of its (random) UUID. */
export function counterShard(caseId: string): number {
  return parseInt(caseId.slice(0, 2), 16) % COUNTER_SHARDS;
}

/**
 * One case's share of `open_case_counters`: nothing once closed. The flags are the workflow's own
 * (warned at two thirds of the time, overdue once the deadline has passed), so a count never needs NOW().
 */
export function openCaseCounts(caseId: string, c: CountedCase): { key: CounterKey; counts: Counts } | null {
  if (c.status !== 'OPEN') return null;
  const timed = c.hasDeadline;
  return {
    key: { handlingOrgId: c.handlingOrgId, investigatingOrgId: c.investigatingOrgId ?? 0, stage: c.stage, shard: counterShard(caseId) },
    counts: {
      on_time: Number(timed && !c.overdue && !c.warned),
      at_risk: Number(timed && !c.overdue && c.warned),
      overdue: Number(timed && c.overdue),
      supervised: Number(c.supervised),
      referred: Number(c.referred),
      total: 1,
    },
  };
}

/** Rebuilds every counter from the case rows, as openCaseCounts() counts them (seeding, repair). */
export const REBUILD_OPEN_CASE_COUNTERS_SQL = `
  INSERT INTO open_case_counters (handling_org_id, investigating_org_id, stage, shard, on_time, at_risk, overdue, supervised, referred, total)
  SELECT handling_org_id, COALESCE(investigating_org_id, 0), stage, CONV(LEFT(id, 2), 16, 10) % ${COUNTER_SHARDS},
         SUM(deadline_at IS NOT NULL AND overdue = 0 AND warned = 0),
         SUM(deadline_at IS NOT NULL AND overdue = 0 AND warned = 1),
         SUM(deadline_at IS NOT NULL AND overdue = 1),
         SUM(supervised), SUM(referred), COUNT(*)
    FROM cases WHERE status = 'OPEN'
   GROUP BY handling_org_id, COALESCE(investigating_org_id, 0), stage, CONV(LEFT(id, 2), 16, 10) % ${COUNTER_SHARDS}`;

/**
 * Moves a case's share from what it was to what it is, in the caller's transaction (the one that writes
 * the row). Keys are updated in one fixed order, so two writers never wait on each other in a cycle.
 */
export async function moveOpenCaseCounts(em: EntityManager, caseId: string, before: CountedCase | null, after: CountedCase | null): Promise<void> {
  const deltas = new Map<string, { key: CounterKey; counts: Counts }>();
  const add = (share: ReturnType<typeof openCaseCounts>, sign: 1 | -1) => {
    if (!share) return;
    const id = `${share.key.handlingOrgId}|${share.key.investigatingOrgId}|${share.key.stage}|${share.key.shard}`;
    const entry = deltas.get(id) ?? { key: share.key, counts: { on_time: 0, at_risk: 0, overdue: 0, supervised: 0, referred: 0, total: 0 } };
    for (const column of COUNTER_COLUMNS) entry.counts[column] += sign * share.counts[column];
    deltas.set(id, entry);
  };
  add(before && openCaseCounts(caseId, before), -1);
  add(after && openCaseCounts(caseId, after), 1);
  const ordered = [...deltas.values()]
    .filter((d) => COUNTER_COLUMNS.some((column) => d.counts[column] !== 0))
    .sort((a, b) => a.key.handlingOrgId - b.key.handlingOrgId || a.key.investigatingOrgId - b.key.investigatingOrgId || (a.key.stage < b.key.stage ? -1 : a.key.stage > b.key.stage ? 1 : 0));
  for (const { key, counts } of ordered) {
    const values = COUNTER_COLUMNS.map((column) => counts[column]);
    await em.query(
      `INSERT INTO open_case_counters (handling_org_id, investigating_org_id, stage, shard, ${COUNTER_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE ${COUNTER_COLUMNS.map((column) => `${column} = ${column} + ?`).join(', ')}`,
      [key.handlingOrgId, key.investigatingOrgId, key.stage, key.shard, ...values, ...values],
    );
  }
}
