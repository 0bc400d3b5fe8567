import { performance } from 'node:perf_hooks';
import type { BenchContext, BenchUser } from './lib/context';
import { round1, summarize } from './lib/stats';
import { seedCases, type SeedReport } from './seed-cases';

export interface QueryTiming {
  user: string;
  path: string;
  status: number;
  /** `total` of the page, the open cases summed over the dashboard's stages, or the cases a statistics answer counts. */
  rowsMatched: number | null;
  samples: number;
  coldMs: number;
  p50: number;
  p95: number;
  max: number;
}

export interface QueryResult {
  casesInTable: number;
  seed: SeedReport;
  queries: QueryTiming[];
}

// The seeded cases were submitted over the last 365 days: the statistics of the last twelve months take them all.
const monthsAgo = (n: number) => {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};
const YEAR = `from=${monthsAgo(11)}&to=${monthsAgo(0)}`;

export const QUERIES: Array<[BenchUser, string]> = [
  ['handler', '/api/v1/cases'],
  ['handler', '/api/v1/cases?status=OPEN'],
  ['handler', '/api/v1/cases?status=OPEN&overdue=true'],
  ['handler', '/api/v1/cases?assignee=me'],
  ['handler', '/api/v1/cases?stage=RECTIFYING&regionCode=440100'],
  ['handler', '/api/v1/cases?status=OPEN&page=500&pageSize=20'],
  ['supervisor', '/api/v1/cases?status=OPEN&overdue=true'],
  ['supervisor', '/api/v1/dashboard/deadlines'],
  ['admin', '/api/v1/cases'],
  ['admin', '/api/v1/cases?status=OPEN'],
  ['admin', '/api/v1/cases?regionCode=330100&status=OPEN'],
  ['admin', '/api/v1/dashboard/deadlines'],
  ['supervisor', `/api/v1/statistics?period=${monthsAgo(1)}`],
  ['supervisor', `/api/v1/statistics?${YEAR}&groupBy=MONTH`],
  ['handler', `/api/v1/statistics?${YEAR}&groupBy=HOST_UNIT&source=COMPLAINT`],
  ['admin', `/api/v1/statistics?${YEAR}&groupBy=CATEGORY`],
  ['admin', `/api/v1/statistics?${YEAR}&groupBy=ORGANIZATION&regionCode=440000`],
];

/** Each request is repeated `repeats` times, but no longer than this after its first answer. */
const BUDGET_MS = 60_000;

/** (e) Seeds synthetic rows into the bench database, then times list and dashboard requests one at a time. */
export async function runQueries(ctx: BenchContext, seedCount: number, repeats: number, db: { host: string; port: number; user: string; password: string; database: string }): Promise<QueryResult> {
  ctx.log(`queries: seeding ${seedCount} synthetic cases`);
  let reported = 0;
  const seed = await seedCases(seedCount, {
    ...db,
    onProgress: (rows) => {
      if (rows - reported >= 250_000) {
        reported = rows;
        ctx.log(`queries: seeded ${rows}/${seedCount}`);
      }
    },
  });
  ctx.log(`queries: seeded ${seed.rows} rows in ${seed.seconds} s (${seed.rowsPerSecond}/s); table ${seed.tableMiB} MiB + indexes ${seed.indexMiB} MiB`);
  const [[{ n }]] = (await ctx.db.query('SELECT COUNT(*) AS n FROM cases')) as unknown as [[{ n: number }]];

  const queries: QueryTiming[] = [];
  for (const [user, path] of QUERIES) {
    const call = () => ctx.http.call('GET', path, { token: ctx.tokens[user] });
    const cold = await call();
    const samples: number[] = [];
    const started = performance.now();
    while (samples.length < repeats && (samples.length < 3 || performance.now() - started < BUDGET_MS)) samples.push((await call()).ms);
    const body = cold.body as { total?: number | { cases: number }; stages?: Array<{ total: number }> } | undefined;
    const rowsMatched =
      typeof body?.total === 'number' ? body.total : typeof body?.total?.cases === 'number' ? body.total.cases : Array.isArray(body?.stages) ? body.stages.reduce((sum, s) => sum + s.total, 0) : null;
    const s = summarize(samples);
    const timing: QueryTiming = { user, path, status: cold.status, rowsMatched, samples: samples.length, coldMs: round1(cold.ms), p50: s.p50, p95: s.p95, max: s.max };
    ctx.log(`queries: ${user} GET ${path} -> ${cold.status}, ${rowsMatched ?? '?'} rows, p50 ${s.p50} ms, p95 ${s.p95} ms`);
    queries.push(timing);
  }
  return { casesInTable: Number(n), seed, queries };
}
