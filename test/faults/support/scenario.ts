import { performance } from 'node:perf_hooks';
import type { FaultStack } from './fault-stack';
import { LifecycleDriver, type CaseRun, type Progress } from './lifecycle-driver';
import { verifyBatch } from './verify';

export interface FaultContext {
  stack: FaultStack;
  driver: LifecycleDriver;
  /**
   * Waits until the batch has reached the point where the fault should hit. Throws when the batch
   * finished first: a fault that misses the batch proves nothing.
   */
  when(description: string, condition: (p: Progress) => boolean): Promise<void>;
  /** Records a moment of the fault (killed, restarted, …) for the report. */
  mark(what: string): void;
}

export interface ScenarioSpec {
  /** a-z, 0-9 and underscores; names the database, logs and keys. */
  name: string;
  cases?: number;
  /** Case i starts i * staggerMs after the first, so work keeps arriving while the fault happens. */
  staggerMs?: number;
  /** Send every submission twice at once (see DriverOptions.impatientClients). */
  impatientClients?: boolean;
  /** How long the batch may take, fault and recovery included. */
  batchDeadlineMs?: number;
  /** Runs alongside the batch; must leave every part of the stack running again when it returns. */
  fault(ctx: FaultContext): Promise<void>;
}

export interface ScenarioReport {
  name: string;
  runs: CaseRun[];
  problems: string[];
  timeline: string[];
  batchSeconds: number;
  verifySeconds: number;
}

/** Drives the batch with the fault injected mid-run, then checks everything verifyBatch checks. */
export async function runScenario(stack: FaultStack, spec: ScenarioSpec): Promise<ScenarioReport> {
  const started = performance.now();
  const at = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  const timeline: string[] = [];
  const driver = new LifecycleDriver({
    baseUrl: stack.apiUrl,
    scenario: spec.name,
    cases: spec.cases ?? 12,
    staggerMs: spec.staggerMs ?? 400,
    impatientClients: spec.impatientClients,
    deadlineAt: Date.now() + (spec.batchDeadlineMs ?? 240_000),
    note: (line) => stack.note(line),
  });
  const snapshot = (p: Progress) => `submitted ${p.submitted}/${driver.runs.length}, ${p.submissionsInFlight} submission(s) and ${p.actionsInFlight} action(s) in flight, ${p.actionsDone} actions done, ${p.closed} closed`;
  const mark = (what: string) => {
    const line = `${at()} ${what} [${snapshot(driver.progress)}]`;
    timeline.push(line);
    stack.note(`FAULT ${line}`);
  };
  const ctx: FaultContext = {
    stack,
    driver,
    mark,
    async when(description, condition) {
      if (!(await driver.waitFor(condition))) throw new Error(`the batch finished before the fault could be injected (${description})`);
      mark(`trigger: ${description}`);
    },
  };

  const batch = driver.run();
  let faultError: unknown = null;
  await spec.fault(ctx).catch((error: unknown) => {
    faultError = error;
    mark(`fault failed: ${(error as Error).message}`);
  });
  const runs = await batch;
  const batchSeconds = (performance.now() - started) / 1000;
  mark(`batch finished: ${runs.filter((r) => r.done).length}/${runs.length} closed`);

  const verifyStarted = performance.now();
  const problems = await verifyBatch(stack, runs);
  if (faultError) problems.unshift(`the fault itself failed: ${(faultError as Error).message}`);
  const verifySeconds = (performance.now() - verifyStarted) / 1000;

  const report: ScenarioReport = { name: spec.name, runs, problems, timeline, batchSeconds, verifySeconds };
  printReport(stack, report);
  if (problems.length) stack.keepLogs = true;
  return report;
}

/** Throws with every problem listed, so the failure says which case and what was expected and found. */
export function expectNoProblems(report: ScenarioReport): void {
  if (report.problems.length) throw new Error(`${report.name}: ${report.problems.length} problem(s):\n- ${report.problems.join('\n- ')}`);
}

function printReport(stack: FaultStack, report: ScenarioReport): void {
  const retries: Record<string, number> = {};
  for (const run of report.runs) for (const [kind, n] of Object.entries(run.retries)) retries[kind] = (retries[kind] ?? 0) + n;
  const silently = report.runs.reduce((n, r) => n + r.appliedSilently.length, 0);
  const replayed = report.runs.reduce((n, r) => n + r.receipts.filter((x) => x.replayed).length, 0);
  const slowest = Math.max(...report.runs.map((r) => r.millis)) / 1000;
  const lines = [
    `fault scenario ${report.name}: ${report.runs.filter((r) => r.done).length}/${report.runs.length} cases closed; batch ${report.batchSeconds.toFixed(1)} s (slowest case ${slowest.toFixed(1)} s), verification ${report.verifySeconds.toFixed(1)} s, stack up at ${stack.elapsed()}`,
    ...report.timeline.map((l) => `  ${l}`),
    `  client retries: ${Object.keys(retries).length ? Object.entries(retries).sort().map(([k, n]) => `${k} x${n}`).join(', ') : 'none'}`,
    `  actions applied whose answer was lost: ${silently}; submissions answered as replays: ${replayed}`,
    `  ${report.problems.length ? `${report.problems.length} PROBLEM(S); logs in ${stack.logDir}` : 'all checks passed'}`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
  stack.note(lines.join('\n'));
}
