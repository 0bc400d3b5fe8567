import type { Connection } from 'mysql2/promise';
import type { BenchHttp } from './http';
import { sleep } from './stats';

export type BenchUser = 'handler' | 'operator' | 'supervisor' | 'admin';

export const BENCH_USERS: Record<BenchUser, string> = {
  handler: 'handler.gz',
  operator: 'operator.gz',
  supervisor: 'supervisor.gz',
  admin: 'admin',
};

/** What every phase shares: the API client, the bench database, tokens, and the count of cases made so far. */
export interface BenchContext {
  http: BenchHttp;
  db: Connection;
  runId: string;
  temporalAddress: string;
  tokens: Record<BenchUser, string>;
  /** Guangzhou's office and its host unit, as seeded (README: 5 and 7). */
  orgs: { gzOffice: number; gzHost: number };
  /** Complaints answered 201 so far, warm-up included: the worker must project each of them. */
  created: number;
  log(message: string): void;
}

const DISTRICTS = ['440105', '440106', '440303', '440304', '330102', '330106'];

/** A complaint like the README's, varied a little; Guangzhou only when the case must stay in handler.gz's reach. */
export function complaintBody(i: number, options: { category?: string; guangzhou?: boolean } = {}): Record<string, unknown> {
  const anonymous = i % 4 === 0;
  return {
    category: options.category ?? 'FORCED_CHECKIN',
    subjectType: 'WORK_GROUP',
    subjectName: `基准测试工作群-${i % 997}`,
    regionCode: options.guangzhou ? '440105' : DISTRICTS[i % DISTRICTS.length],
    description: '要求每天在工作群打卡接龙并截图上报，占用大量工作时间。',
    anonymous,
    ...(anonymous ? {} : { complainant: { name: '张三', phone: `138${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}` } }),
  };
}

/** Waits until the worker has registered and admitted every case made so far (its projection row has revision >= 1). */
export async function drainBacklog(ctx: BenchContext, timeoutMs: number): Promise<{ seconds: number; drained: boolean }> {
  const started = Date.now();
  for (;;) {
    const [rows] = await ctx.db.query('SELECT COUNT(*) AS n FROM cases WHERE revision >= 1');
    const projected = Number((rows as Array<{ n: number | string }>)[0].n);
    if (projected >= ctx.created) return { seconds: (Date.now() - started) / 1000, drained: true };
    if (Date.now() - started > timeoutMs) {
      ctx.log(`backlog not drained after ${timeoutMs / 1000} s: ${projected}/${ctx.created} cases projected`);
      return { seconds: (Date.now() - started) / 1000, drained: false };
    }
    await sleep(200);
  }
}

/** Counts responses by status code, e.g. {"201": 950, "503": 2}. */
export function tally(into: Record<string, number>, status: number | string): void {
  into[String(status)] = (into[String(status)] ?? 0) + 1;
}
