import type { EntityManager } from 'typeorm';
import { factCounts, handlingDaysBucket, STAT_COUNTERS, type CaseFacts, type StatCounts } from '@app/domain';

/** The rollup row a case's share goes to: its dimensions and its shard. */
export interface RollupKey {
  month: number;
  handlingOrgId: number;
  regionCode: string;
  hostUnitId: number;
  category: string;
  source: string;
  shard: number;
}

/**
 * Rollup rows are not spread over shards (the column is there if a hot row ever needs it): a key is one
 * month of one office, district, host unit, category and source, so two cases rarely move the same row at
 * once, and every shard would multiply the rows a statistics query sums.
 */
export function statisticsShard(_caseId: string): number {
  return 0;
}

function keyOf(caseId: string, f: CaseFacts): RollupKey {
  return { month: f.month, handlingOrgId: f.handlingOrgId, regionCode: f.regionCode, hostUnitId: f.hostUnitId, category: f.category, source: f.source, shard: statisticsShard(caseId) };
}

const keyId = (k: RollupKey, days?: number) => [k.month, k.handlingOrgId, k.regionCode, k.hostUnitId, k.category, k.source, days ?? '', k.shard].join('|');

export async function loadCaseFacts(em: EntityManager, caseId: string): Promise<CaseFacts | null> {
  const [row] = await em.query('SELECT facts FROM case_facts WHERE case_id = ?', [caseId]);
  if (!row) return null;
  return (typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts) as CaseFacts;
}

/**
 * Stores a case's facts and moves its share of the rollups from what it was to what it is, in the caller's
 * transaction (the one that writes the case row, whose lock orders writers of one case). Rows are updated in
 * key order, so two writers never wait on each other in a cycle.
 */
export async function recordCaseFacts(em: EntityManager, caseId: string, before: CaseFacts | null, after: CaseFacts): Promise<void> {
  await em.query(
    `INSERT INTO case_facts (case_id, month, handling_org_id, region_code, host_unit_id, category, source, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE host_unit_id = VALUES(host_unit_id), facts = VALUES(facts)`,
    [caseId, after.month, after.handlingOrgId, after.regionCode, after.hostUnitId, after.category, after.source, JSON.stringify(after)],
  );

  const rollups = new Map<string, { key: RollupKey; counts: StatCounts }>();
  const days = new Map<string, { key: RollupKey; days: number; cases: number }>();
  const add = (f: CaseFacts | null, sign: 1 | -1) => {
    if (!f) return;
    const key = keyOf(caseId, f);
    const entry = rollups.get(keyId(key)) ?? { key, counts: Object.fromEntries(STAT_COUNTERS.map((c) => [c, 0])) as StatCounts };
    const share = factCounts(f);
    for (const c of STAT_COUNTERS) entry.counts[c] += sign * share[c];
    rollups.set(keyId(key), entry);
    const bucket = handlingDaysBucket(f);
    if (bucket !== null) {
      const d = days.get(keyId(key, bucket)) ?? { key, days: bucket, cases: 0 };
      d.cases += sign;
      days.set(keyId(key, bucket), d);
    }
  };
  add(before, -1);
  add(after, 1);

  const byKey = <T extends { key: RollupKey }>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  for (const { key, counts } of byKey(rollups)) {
    const changed = STAT_COUNTERS.filter((c) => counts[c] !== 0);
    if (changed.length === 0) continue;
    await em.query(
      `INSERT INTO case_stat_rollups (month, handling_org_id, region_code, host_unit_id, category, source, shard, ${changed.join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ${changed.map(() => '?').join(', ')})
       ON DUPLICATE KEY UPDATE ${changed.map((c) => `${c} = ${c} + ?`).join(', ')}`,
      [key.month, key.handlingOrgId, key.regionCode, key.hostUnitId, key.category, key.source, key.shard, ...changed.map((c) => counts[c]), ...changed.map((c) => counts[c])],
    );
  }
  for (const { key, days: d, cases } of byKey(days)) {
    if (cases === 0) continue;
    await em.query(
      `INSERT INTO case_stat_handling_days (month, handling_org_id, region_code, host_unit_id, category, source, days, shard, cases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE cases = cases + ?`,
      [key.month, key.handlingOrgId, key.regionCode, key.hostUnitId, key.category, key.source, d, key.shard, cases, cases],
    );
  }
}
