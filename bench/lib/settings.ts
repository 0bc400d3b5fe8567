/** What one run measures and how hard; every knob is an environment variable (README.md, "Benchmarks"). */
export interface BenchSettings {
  mode: 'quick' | 'standard' | 'full';
  /** Concurrency levels of the intake phase. */
  intakeConcurrency: number[];
  /** Seconds of load per intake level (after which the worker's backlog is drained before the next level). */
  intakeSeconds: number;
  /** Cases walked to CLOSED through the API, and how many at once; the floor uses the same numbers. */
  lifecycleCases: number;
  lifecycleConcurrency: number;
  /** Cases left open (filed this many at once) while escalations are measured. */
  timerCases: number;
  timerConcurrency: number;
  /** Cases under a MINUTE policy of `timerMinutes` whose escalations are measured, filed this many per second. */
  timerProbes: number;
  timerProbeRate: number;
  timerMinutes: number;
  /** Cases whose warnings come due together in the burst phase (0 skips it), filed this many at once. */
  burstCases: number;
  burstConcurrency: number;
  /** ACCEPTANCE minutes of the burst's policy; 0 lets the expected seeding time choose. */
  burstMinutes: number;
  /** The burst phase gives up waiting for warnings after this long. */
  burstTimeoutSeconds: number;
  /** Synthetic rows seeded into `cases` for the query phase; 0 skips the phase. */
  seedCases: number;
  /** Times each list/dashboard request is repeated (after one unmeasured warm-up). */
  queryRepeats: number;
  /** The whole run is aborted (and everything stopped) after this long. */
  maxMinutes: number;
  /** Keep the bench database after the run (it is dropped otherwise). */
  keepDb: boolean;
  dbName: string;
}

const int = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not "${raw}"`);
  return value;
};

const flag = (name: string): boolean => ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());

export function benchSettings(): BenchSettings {
  const mode = flag('BENCH_QUICK') ? 'quick' : flag('BENCH_FULL') ? 'full' : 'standard';
  const preset = {
    quick: { levels: '1,4,16,64', seconds: 2, lifecycle: 8, lifecycleC: 4, timers: 100, timerC: 32, probes: 50, burst: 300, seed: 100_000, repeats: 3, max: 20 },
    standard: { levels: '1,4,16,64', seconds: 15, lifecycle: 200, lifecycleC: 16, timers: 1000, timerC: 32, probes: 200, burst: 2000, seed: 1_000_000, repeats: 20, max: 90 },
    full: { levels: '1,4,16,64', seconds: 30, lifecycle: 500, lifecycleC: 16, timers: 10_000, timerC: 64, probes: 300, burst: 10_000, seed: 1_000_000, repeats: 30, max: 240 },
  }[mode];
  const levels = (process.env.BENCH_INTAKE_CONCURRENCY ?? preset.levels).split(',').map((s) => Number(s.trim()));
  if (levels.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_INTAKE_CONCURRENCY must be a list of positive integers, e.g. 1,4,16,64');
  const dbName = process.env.BENCH_DB_NAME ?? 'fingertip_cases_bench';
  // Never the dev database (or any other): the bench drops and recreates this one.
  if (!/_bench$/.test(dbName) || !/^[A-Za-z0-9_]+$/.test(dbName)) throw new Error(`BENCH_DB_NAME must be a plain name ending in _bench, not "${dbName}"`);
  return {
    mode,
    intakeConcurrency: levels,
    intakeSeconds: int('BENCH_INTAKE_SECONDS', preset.seconds),
    lifecycleCases: int('BENCH_LIFECYCLE_CASES', preset.lifecycle),
    lifecycleConcurrency: Math.max(1, int('BENCH_LIFECYCLE_CONCURRENCY', preset.lifecycleC)),
    timerCases: int('BENCH_TIMER_CASES', preset.timers),
    timerConcurrency: Math.max(1, int('BENCH_TIMER_CONCURRENCY', preset.timerC)),
    timerProbes: int('BENCH_TIMER_PROBES', preset.probes),
    timerProbeRate: Math.max(1, int('BENCH_TIMER_PROBE_RATE', 5)),
    timerMinutes: Math.min(60, Math.max(1, int('BENCH_TIMER_MINUTES', 1))),
    burstCases: int('BENCH_BURST_CASES', preset.burst),
    burstConcurrency: Math.max(1, int('BENCH_BURST_CONCURRENCY', 64)),
    burstMinutes: Math.min(600, int('BENCH_BURST_MINUTES', 0)),
    burstTimeoutSeconds: Math.max(30, int('BENCH_BURST_TIMEOUT_SECONDS', 900)),
    seedCases: int('BENCH_CASES', preset.seed),
    queryRepeats: Math.max(1, int('BENCH_QUERY_REPEATS', preset.repeats)),
    maxMinutes: Math.max(1, int('BENCH_MAX_MINUTES', preset.max)),
    keepDb: flag('BENCH_KEEP_DB'),
    dbName,
  };
}
