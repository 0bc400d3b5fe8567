import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { CASE_STAGES } from '@app/domain';
import { countStalledCases } from '../health/stalled-cases';

/**
 * Case figures read from the database at each scrape: open cases by stage from the counters the
 * projection keeps (a few rows per office and stage, never the cases table), and the stalled cases as
 * /health counts them. Every API replica reports the same numbers: aggregate them with max(), not sum().
 * When the database does not answer the series are dropped for that scrape rather than shown stale.
 */
export function registerCaseGauges(registry: Registry, dataSource: DataSource): void {
  new Gauge({
    name: 'fingertip_cases_open',
    help: 'Open cases by stage',
    labelNames: ['stage'] as const,
    registers: [registry],
    async collect() {
      try {
        const rows: { stage: string; n: string }[] = await dataSource.query('SELECT stage, SUM(total) AS n FROM open_case_counters GROUP BY stage');
        const counts = new Map(rows.map((r) => [r.stage, Number(r.n)]));
        for (const stage of CASE_STAGES.filter((s) => s !== 'CLOSED')) this.set({ stage }, counts.get(stage) ?? 0);
      } catch {
        this.reset();
      }
    },
  });
  new Gauge({
    name: 'fingertip_cases_stalled',
    help: 'Cases whose workflow stalled and waits for a staff retry',
    registers: [registry],
    async collect() {
      try {
        this.set(await countStalledCases(dataSource));
      } catch {
        this.reset();
      }
    },
  });
}
