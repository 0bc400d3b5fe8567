import type { DataSource } from 'typeorm';

/** Cases waiting for a staff retry; idx_cases_stalled makes this cost no more than SELECT 1. Read by /health and the metrics. */
export async function countStalledCases(dataSource: DataSource): Promise<number> {
  const [{ n }]: { n: string }[] = await dataSource.query('SELECT COUNT(*) AS n FROM cases WHERE stalled_at IS NOT NULL');
  return Number(n);
}
