import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { createConnection } from 'mysql2/promise';
import { BURST_CATEGORY, runBurst, type BurstResult } from './burst';
import { runDbFloor, type DbFloorResult } from './db-floor';
import { runFloor, type FloorResult } from './floor';
import { runIntake, type IntakeLevel } from './intake';
import { BENCH_USERS, type BenchContext, type BenchUser } from './lib/context';
import { taskBreakdown, type TaskBreakdown } from './lib/history';
import { BenchHttp } from './lib/http';
import { LockWaitSampler } from './lib/locks';
import { describeMachine, type MachineInfo } from './lib/machine';
import { cpuSeconds, findDatabaseServerPid, ProcessSampler, type ProcessReport } from './lib/memory';
import { writeReports } from './lib/report';
import { benchSettings, type BenchSettings } from './lib/settings';
import { dropDatabase, startStack, type Child } from './lib/stack';
import { round1, round2, sleep } from './lib/stats';
import { LIFECYCLE_ACTIONS, runLifecycle, type LifecycleResult } from './lifecycle';
import { runQueries, type QueryResult } from './queries';
import { intakeToStartFloorRatio, runStartFloor, type StartFloorResult } from './start-floor';
import { runTimers, TIMER_CATEGORY, type TimerResult } from './timers';

export interface BenchReport {
  generatedAt: string;
  mode: BenchSettings['mode'];
  settings: BenchSettings;
  /** The BENCH_* variables this run was started with. */
  benchEnv: Record<string, string>;
  machine?: MachineInfo;
  database?: Record<string, string>;
  notes: string[];
  phases: Array<{ name: string; seconds: number; dbCounters: Record<string, number> }>;
  intake?: IntakeLevel[];
  /** Bare workflow starts at intake's concurrency levels, for as long each. */
  startFloor?: StartFloorResult;
  /** Intake's best accepted/s over the start floor's best starts/s. */
  intakeToStartFloorRatio?: number;
  /** Intake's p99 latency at concurrency 4, ms (when 4 is one of the levels). */
  intakeP99MsAtConcurrency4?: number;
  lifecycle?: LifecycleResult;
  floor?: FloorResult;
  /** Lifecycle cases per second over floor workflows per second (same starts and Updates, same concurrency). */
  lifecycleToFloorRatio?: number;
  /** The worker process's CPU time (user + system) over the lifecycle phase, per closed case, ms. */
  workerCpuMsPerCase?: number;
  /** The same cases' rows written by the projection writer alone, one MySQL transaction per decision. */
  dbFloor?: DbFloorResult;
  /** Lifecycle cases per second over database-floor cases per second. */
  lifecycleToDbFloorRatio?: number;
  burst?: BurstResult;
  /** Seconds from the burst's instant (the held worker resumed) until every warning was written. */
  burstEscalatedSeconds?: number;
  timers?: TimerResult;
  queries?: QueryResult;
  /** (f) memory, plus CPU time per process and phase. */
  processes?: ProcessReport;
  /** Transactions waiting on InnoDB locks in the bench database, on average per sample, by table. */
  lockWaits?: { intervalMs: number; averageWaitingByPhase: Record<string, Record<string, number>>; samplesByPhase: Record<string, number> };
  /** From workflow histories of a sample of cases per phase: time queued for and spent in each activity and workflow task. */
  breakdown?: Record<string, TaskBreakdown>;
  error?: string;
  totalSeconds?: number;
}

const started = performance.now();
const log = (message: string) => console.log(`[bench +${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | null = null;
/** Stops whatever was started, newest first; safe to call more than once. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const stop = cleanups.pop()!;
      await stop().catch((error: unknown) => log(`cleanup: ${(error as Error).message}`));
    }
  })();
  return cleaning;
}

/** The report of this run so far: an abort still writes what was measured. */
let current: BenchReport | undefined;

async function abort(reason: string, code: number): Promise<never> {
  log(`${reason}: stopping everything`);
  if (current && current.totalSeconds === undefined) {
    current.error ??= reason;
    current.totalSeconds = round1((performance.now() - started) / 1000);
    log(`reports written: ${writeReports(current).join(', ')}`);
  }
  await cleanup();
  process.exit(code);
}

async function serverCounters(ctx: Pick<BenchContext, 'db'>): Promise<Record<string, number>> {
  const [rows] = await ctx.db.query(`SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_data_fsyncs', 'Com_commit')`);
  return Object.fromEntries((rows as Array<{ Variable_name: string; Value: string }>).map((r) => [r.Variable_name, Number(r.Value)]));
}

/** Workflow ids of a random sample of the bench's cases matching the condition. */
async function sampleCases(ctx: BenchContext, where: string, params: unknown[], size = 20): Promise<string[]> {
  const [rows] = await ctx.db.query(`SELECT id FROM cases WHERE ${where} ORDER BY RAND() LIMIT ${size}`, params);
  return (rows as Array<{ id: string }>).map((r) => `case-${r.id}`);
}

async function main(): Promise<void> {
  const settings = benchSettings();
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    mode: settings.mode,
    settings,
    benchEnv: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('BENCH_') && e[1] !== undefined)),
    notes: [
      'Every process runs on this one machine: Temporal dev server (in memory), MariaDB, the API, the worker and the load generator share its cores; other work on the machine (load average above) competes too.',
      'Rate limits were raised for the run (RATE_LIMIT_PUBLIC_PER_MINUTE, RATE_LIMIT_LOGIN_PER_MINUTE): every bench client is 127.0.0.1. In production the limits apply per client IP.',
      'Intake, lifecycle and timer cases are real: started through the API and projected by the worker. The query phase adds synthetic rows straight into `cases` (bench/seed-cases.ts).',
      'MariaDB counters (row lock waits, fsyncs, commits) and the MariaDB CPU time are server-wide: other databases on the same server count too. Lock-wait samples are for the bench database only.',
    ],
    phases: [],
  };
  current = report;
  process.once('SIGINT', () => void abort('SIGINT', 130));
  process.once('SIGTERM', () => void abort('SIGTERM', 143));
  const watchdog = setTimeout(() => void abort(`aborted by the watchdog after ${settings.maxMinutes} minutes (BENCH_MAX_MINUTES)`, 2), settings.maxMinutes * 60_000);

  log(`mode ${settings.mode}: ${JSON.stringify(settings)}`);
  const dbEnv = { DB_HOST: process.env.DB_HOST ?? '127.0.0.1', DB_PORT: Number(process.env.DB_PORT ?? 3306), DB_USER: process.env.DB_USER ?? 'root', DB_PASSWORD: process.env.DB_PASSWORD ?? '' };
  if (!settings.keepDb) cleanups.push(() => dropDatabase(dbEnv, settings.dbName));

  try {
    const stack = await startStack(settings.dbName, (stop) => cleanups.push(stop));
    log(`stack up: Temporal ${stack.temporal.address}, API ${stack.apiUrl}, database ${settings.dbName}`);
    const watch = (name: string, child: Child) =>
      void child.exited.then((code) => {
        if (!cleaning && !child.stopping) void abort(`${name} exited unexpectedly with code ${code} (see dist-bench/logs/${name}.log)`, 1);
      });
    watch('api', stack.api);
    watch('worker', stack.worker);
    const processes = new ProcessSampler(
      () => ({ api: stack.api.process.pid, worker: stack.worker.process.pid, temporal: stack.temporal.process.pid, bench: process.pid }),
      { 'mariadb (server-wide)': findDatabaseServerPid() },
    );
    processes.start();
    const lockDb = await createConnection({ host: stack.config.DB_HOST, port: stack.config.DB_PORT, user: stack.config.DB_USER, password: stack.config.DB_PASSWORD });
    cleanups.push(() => lockDb.end());
    const locks = new LockWaitSampler(lockDb, settings.dbName);
    locks.start();
    cleanups.push(async () => void (await locks.stop()));
    const temporalConnection = await Connection.connect({ address: stack.temporal.address });
    cleanups.push(() => temporalConnection.close());
    const temporal = new Client({ connection: temporalConnection, namespace: 'default' });

    report.machine = await describeMachine(stack.temporalBinary, stack.db);
    const [vars] = await stack.db.query(
      `SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_buffer_pool_size', 'innodb_flush_log_at_trx_commit', 'innodb_log_file_size', 'max_connections')`,
    );
    report.database = Object.fromEntries((vars as Array<{ Variable_name: string; Value: string }>).map((r) => [r.Variable_name, r.Value]));

    const http = new BenchHttp(stack.apiUrl);
    cleanups.push(async () => http.close());
    const tokens = {} as Record<BenchUser, string>;
    for (const [key, username] of Object.entries(BENCH_USERS) as Array<[BenchUser, string]>) {
      const res = await http.call('POST', '/api/v1/auth/login', { body: { username, password: 'Demo#2026' } });
      if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens[key] = res.body.accessToken;
    }
    const [orgRows] = await stack.db.query(`SELECT id, kind FROM organizations WHERE region_code = '440100' AND kind IN ('CITY_OFFICE', 'HOST_UNIT')`);
    const orgList = orgRows as Array<{ id: number; kind: string }>;
    const ctx: BenchContext = {
      http,
      db: stack.db,
      runId: Date.now().toString(36),
      temporalAddress: stack.temporal.address,
      tokens,
      orgs: { gzOffice: orgList.find((o) => o.kind === 'CITY_OFFICE')!.id, gzHost: orgList.find((o) => o.kind === 'HOST_UNIT')!.id },
      created: 0,
      log,
    };

    const phase = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
      processes.enter(name);
      locks.enter(name);
      const before = await serverCounters(ctx);
      const t0 = performance.now();
      const result = await body();
      const after = await serverCounters(ctx);
      report.phases.push({ name, seconds: round1((performance.now() - t0) / 1000), dbCounters: Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)])) });
      return result;
    };
    const breakdown = async (name: string, where: string, params: unknown[]) => {
      (report.breakdown ??= {})[name] = await taskBreakdown(temporal, await sampleCases(ctx, where, params));
    };

    // Warm-up, not reported: JIT, connection pools, the worker's workflow isolates.
    await phase('warm-up', () => runLifecycle(ctx, 4, 2, 'warm-up'));
    report.intake = await phase('intake', () => runIntake(ctx, settings.intakeConcurrency, settings.intakeSeconds));
    await breakdown('intake', `status = 'OPEN' AND category = 'FORCED_CHECKIN'`, []);
    report.startFloor = await phase('start-floor', () => runStartFloor(ctx, settings.intakeConcurrency, settings.intakeSeconds, report.intake));
    report.intakeToStartFloorRatio = intakeToStartFloorRatio(report.intake, report.startFloor);
    report.intakeP99MsAtConcurrency4 = report.intake.find((l) => l.concurrency === 4)?.latencyMs.p99;

    const workerCpu = () => cpuSeconds(stack.worker.process.pid!) ?? NaN;
    const cpuBefore = workerCpu();
    report.lifecycle = await phase('lifecycle', async () => {
      const result = await runLifecycle(ctx, settings.lifecycleCases, settings.lifecycleConcurrency);
      await sleep(1000); // the last decisions' trailing work (notices) is the lifecycle's too
      return result;
    });
    const cpuMs = (workerCpu() - cpuBefore) * 1000;
    report.workerCpuMsPerCase = report.lifecycle.closed > 0 && Number.isFinite(cpuMs) ? round1(cpuMs / report.lifecycle.closed) : undefined;
    await breakdown('lifecycle', `status = 'CLOSED' AND satisfaction = 'SATISFIED'`, []);
    report.floor = await phase('floor', () => runFloor(ctx, settings.lifecycleCases, LIFECYCLE_ACTIONS.length, settings.lifecycleConcurrency));
    report.lifecycleToFloorRatio = report.floor.workflowsPerSecond > 0 ? round2(report.lifecycle.casesPerSecond / report.floor.workflowsPerSecond) : undefined;
    report.dbFloor = await phase('db-floor', () => runDbFloor(ctx, temporal, stack.env, settings.lifecycleCases, settings.lifecycleConcurrency));
    report.lifecycleToDbFloorRatio = report.dbFloor.casesPerSecond > 0 ? round2(report.lifecycle.casesPerSecond / report.dbFloor.casesPerSecond) : undefined;
    if (settings.timerProbes > 0) {
      const { timerCases: openCases, timerConcurrency: concurrency, timerProbes: probes, timerProbeRate: probesPerSecond, timerMinutes: minutes } = settings;
      report.timers = await phase('timers', () => runTimers(ctx, { openCases, concurrency, probes, probesPerSecond, minutes }));
      await breakdown('timers', 'category = ?', [TIMER_CATEGORY]);
    }
    if (settings.burstCases > 0) {
      const restartWorker = async (between: () => Promise<void>) => {
        const times = await stack.restartWorker(between);
        watch('worker', stack.worker);
        return times;
      };
      // Filing thousands at concurrency 64 sustains less than intake's best short level did (seen: a half to two thirds).
      const expectedSeedRate = Math.max(5, 0.6 * Math.max(0, ...(report.intake ?? []).map((l) => l.projectedPerSecond)));
      report.burst = await phase('burst', () =>
        runBurst(ctx, { cases: settings.burstCases, concurrency: settings.burstConcurrency, expectedSeedRate, minutes: settings.burstMinutes || undefined, timeoutSeconds: settings.burstTimeoutSeconds, restartWorker }),
      );
      report.burstEscalatedSeconds = report.burst.timedOut ? undefined : report.burst.escalatedSeconds;
      await breakdown('burst', 'category = ?', [BURST_CATEGORY]);
    }
    if (settings.seedCases > 0) {
      report.queries = await phase('queries', () =>
        runQueries(ctx, settings.seedCases, settings.queryRepeats, { host: stack.config.DB_HOST, port: stack.config.DB_PORT, user: stack.config.DB_USER, password: stack.config.DB_PASSWORD, database: settings.dbName }),
      );
    }
    report.processes = processes.stop();
    report.lockWaits = await locks.stop();
  } catch (error) {
    report.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`failed: ${report.error}`);
  } finally {
    clearTimeout(watchdog);
    report.totalSeconds = round1((performance.now() - started) / 1000);
    const written = writeReports(report);
    log(`reports written: ${written.join(', ')}`);
    await cleanup();
  }
  process.exit(report.error ? 1 : 0);
}

void main();
