import type { Connection } from 'mysql2/promise';
import { factCounts, handlingDaysBucket, STAT_COUNTERS, type CaseFacts } from '../../libs/domain/src';
import { statisticsShard } from '../../libs/projection/src/case-statistics';

const DIMENSIONS = ['month', 'handling_org_id', 'region_code', 'host_unit_id', 'category', 'source'] as const;
const BATCH = 1000;

/**
 * The statistics rollups of seeded rows, summed in memory as the projection writer would have moved
 * them case by case (libs/projection case-statistics), then written in multi-row upserts.
 */
export class StatisticsRollup {
  private readonly rollups = new Map<string, number[]>();
  private readonly days = new Map<string, number>();

  add(caseId: string, f: CaseFacts): void {
    const dims = [f.month, f.handlingOrgId, f.regionCode, f.hostUnitId, f.category, f.source];
    const shard = statisticsShard(caseId);
    const key = JSON.stringify([...dims, shard]);
    const counts = factCounts(f);
    const sums = this.rollups.get(key) ?? STAT_COUNTERS.map(() => 0);
    STAT_COUNTERS.forEach((c, i) => (sums[i] += counts[c]));
    this.rollups.set(key, sums);
    const bucket = handlingDaysBucket(f);
    if (bucket !== null) {
      const dayKey = JSON.stringify([...dims, bucket, shard]);
      this.days.set(dayKey, (this.days.get(dayKey) ?? 0) + 1);
    }
  }

  async write(db: Connection): Promise<{ rollupRows: number; handlingDayRows: number }> {
    const rollups = [...this.rollups].map(([key, sums]) => [...(JSON.parse(key) as unknown[]), ...sums]);
    const days = [...this.days].map(([key, n]) => [...(JSON.parse(key) as unknown[]), n]);
    for (let i = 0; i < rollups.length; i += BATCH) {
      await db.query(
        `INSERT INTO case_stat_rollups (${DIMENSIONS.join(', ')}, shard, ${STAT_COUNTERS.join(', ')}) VALUES ?
         ON DUPLICATE KEY UPDATE ${STAT_COUNTERS.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`,
        [rollups.slice(i, i + BATCH)],
      );
    }
    for (let i = 0; i < days.length; i += BATCH) {
      await db.query(`INSERT INTO case_stat_handling_days (${DIMENSIONS.join(', ')}, days, shard, cases) VALUES ? ON DUPLICATE KEY UPDATE cases = cases + VALUES(cases)`, [days.slice(i, i + BATCH)]);
    }
    return { rollupRows: rollups.length, handlingDayRows: days.length };
  }
}
