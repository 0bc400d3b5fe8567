import type { Connection } from 'mysql2/promise';

/**
 * Samples InnoDB lock waits in the bench database: how many transactions wait, on which table.
 * The average number waiting per sample, by table, shows where writes queue behind each other.
 */
export class LockWaitSampler {
  private phase = 'start-up';
  private readonly waits: Record<string, Record<string, number>> = {};
  private readonly samples: Record<string, number> = {};
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly db: Connection,
    private readonly database: string,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.sample().catch(() => undefined);
        await new Promise((r) => setTimeout(r, this.intervalMs));
      }
    })();
  }

  enter(phase: string): void {
    this.phase = phase;
  }

  async stop(): Promise<{ intervalMs: number; averageWaitingByPhase: Record<string, Record<string, number>>; samplesByPhase: Record<string, number> }> {
    this.running = false;
    await this.loop;
    const averageWaitingByPhase = Object.fromEntries(
      Object.entries(this.waits).map(([phase, byTable]) => [phase, Object.fromEntries(Object.entries(byTable).map(([table, n]) => [table, Number((n / (this.samples[phase] || 1)).toFixed(2))]))]),
    );
    return { intervalMs: this.intervalMs, averageWaitingByPhase, samplesByPhase: this.samples };
  }

  private async sample(): Promise<void> {
    const [rows] = await this.db.query(
      `SELECT l.lock_table AS tbl, COUNT(DISTINCT w.requesting_trx_id) AS n
         FROM information_schema.INNODB_LOCK_WAITS w
         JOIN information_schema.INNODB_LOCKS l ON l.lock_id = w.requested_lock_id
        WHERE l.lock_table LIKE ?
        GROUP BY l.lock_table`,
      [`\`${this.database}\`.%`],
    );
    const phase = this.phase;
    this.samples[phase] = (this.samples[phase] ?? 0) + 1;
    const byTable = (this.waits[phase] ??= {});
    for (const row of rows as Array<{ tbl: string; n: number | string }>) {
      const table = row.tbl.replace(/^`[^`]+`\./, '').replace(/`/g, '');
      byTable[table] = (byTable[table] ?? 0) + Number(row.n);
    }
  }
}
