import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BenchReport } from '../run';
import { RESULTS_DIR, ROOT } from './paths';

const MODE_FLAG = { quick: 'BENCH_QUICK=1', standard: 'default settings', full: 'BENCH_FULL=1' } as const;

const cell = (x: unknown): string => (x === undefined || x === null || (typeof x === 'number' && Number.isNaN(x)) ? '–' : String(x));
const row = (cells: unknown[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: unknown[][]): string[] => [row(head), row(head.map(() => '---')), ...rows.map(row)];
const statuses = (s: Record<string, number>): string => Object.entries(s).filter(([code]) => code !== '201').map(([code, n]) => `${code}×${n}`).join(', ') || 'none';

function markdown(r: BenchReport): string {
  const out: string[] = [];
  out.push('# Benchmark results', '');
  const env = Object.entries(r.benchEnv).map(([k, v]) => `\`${k}=${v}\``).join(' ');
  out.push(`Mode **${r.mode}** (${MODE_FLAG[r.mode]}; started with ${env || 'no BENCH_* variables'}), generated ${r.generatedAt}, run took ${cell(r.totalSeconds)} s. Produced by \`npm run bench\`; see README.md, "Benchmarks".`, '');
  if (r.error) out.push(`**The run did not finish:** \`${r.error.split('\n')[0]}\``, '');

  out.push('## Headline numbers', '');
  out.push(
    ...table(['Number (JSON key)', 'Value', 'What it is'], [
      ['`lifecycleToFloorRatio`', r.lifecycleToFloorRatio, 'lifecycle cases/s over bare Temporal workflows/s (a start and 8 Updates each), same count and concurrency'],
      ['`intakeToStartFloorRatio`', r.intakeToStartFloorRatio, "intake's best accepted/s over bare `workflow.start`'s best starts/s, same levels and duration"],
      ['`intakeP99MsAtConcurrency4`', r.intakeP99MsAtConcurrency4, 'intake p99 latency at concurrency 4, ms'],
      ['`workerCpuMsPerCase`', r.workerCpuMsPerCase, "the worker process's CPU time over the lifecycle phase per closed case, ms"],
      ['`lifecycleToDbFloorRatio`', r.lifecycleToDbFloorRatio, 'lifecycle cases/s over the same rows written by the projection writer alone, cases/s'],
      ['`burstEscalatedSeconds`', r.burstEscalatedSeconds, `from the instant ${r.burst ? r.burst.due.toLocaleString('en-US') : '–'} warnings were due together until the last was written, s`],
    ]),
    '',
  );

  if (r.machine) {
    const m = r.machine;
    out.push('## Machine', '');
    out.push(
      ...table(['CPU', 'Cores', 'Memory', 'Kernel', 'Load average at start', 'Node', 'Temporal CLI', 'MariaDB'], [
        [m.cpuModel, m.cores, `${m.memoryGiB} GiB`, m.kernel, m.loadAverageAtStart.join(' / '), m.node, m.temporalCli.replace(/\n/g, ' '), m.mariadb],
      ]),
      '',
    );
    if (r.database) out.push(`MariaDB settings: ${Object.entries(r.database).map(([k, v]) => `\`${k}=${v}\``).join(', ')}. Temporal: \`temporal server start-dev\`, in memory, headless.`, '');
  }

  const s = r.settings;
  out.push('## Settings', '');
  out.push(
    ...table(['Setting', 'Value'], [
      ['intake concurrency levels (BENCH_INTAKE_CONCURRENCY)', s.intakeConcurrency.join(', ')],
      ['seconds per intake level (BENCH_INTAKE_SECONDS)', s.intakeSeconds],
      ['lifecycle cases / concurrency (BENCH_LIFECYCLE_CASES / _CONCURRENCY)', `${s.lifecycleCases} / ${s.lifecycleConcurrency}`],
      ['open cases while timers run / filing concurrency (BENCH_TIMER_CASES / _CONCURRENCY)', `${s.timerCases.toLocaleString('en-US')} / ${s.timerConcurrency}`],
      ['measured timer cases / filed per second (BENCH_TIMER_PROBES / _PROBE_RATE)', `${s.timerProbes} / ${s.timerProbeRate}`],
      ['MINUTE policy ACCEPTANCE (BENCH_TIMER_MINUTES)', `${s.timerMinutes} min`],
      ['burst cases / filing concurrency (BENCH_BURST_CASES / _CONCURRENCY)', `${s.burstCases.toLocaleString('en-US')} / ${s.burstConcurrency}`],
      ['burst policy ACCEPTANCE (BENCH_BURST_MINUTES; 0: from the expected seeding time)', s.burstMinutes ? `${s.burstMinutes} min` : 'chosen by the run'],
      ['synthetic cases for queries (BENCH_CASES)', s.seedCases.toLocaleString('en-US')],
      ['repeats per query (BENCH_QUERY_REPEATS)', s.queryRepeats],
      ['database', s.dbName],
    ]),
    '',
  );

  if (r.intake) {
    out.push('## (a) Intake: POST /api/v1/complaints', '');
    out.push('Each level runs for a fixed time; the worker then drains its backlog (every case registered and admitted) before the next level. *Sustained* counts the drain too.', '');
    out.push(
      ...table(
        ['Concurrency', 'Accepted', 'Accepted/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'Drain s', 'Sustained/s', 'Other answers'],
        r.intake.map((l) => [l.concurrency, l.latencyMs.count, l.acceptedPerSecond, l.latencyMs.p50, l.latencyMs.p95, l.latencyMs.p99, l.latencyMs.max, l.drainSeconds, l.projectedPerSecond, statuses(l.statuses)]),
      ),
      '',
    );
  }

  if (r.startFloor) {
    const f = r.startFloor;
    out.push('### Start-only floor: bare `workflow.start`', '');
    out.push(
      `The same concurrency levels and duration as intake, straight from the bench process to the same Temporal server: \`client.workflow.start\` of a workflow that ends at once (\`bench/floor.workflow.ts\` with no Updates), run by a Worker in the bench process (bundled in ${f.bundleSeconds} s, not counted).`,
      '',
    );
    out.push(
      ...table(
        ['Concurrency', 'Started', 'Starts/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'Intake accepted/s', 'Intake / floor'],
        f.levels.map((l) => [l.concurrency, l.started, l.startsPerSecond, l.latencyMs.p50, l.latencyMs.p95, l.latencyMs.p99, l.latencyMs.max, r.intake?.find((i) => i.concurrency === l.concurrency)?.acceptedPerSecond, l.intakeRatio]),
      ),
      '',
    );
    if (r.intakeToStartFloorRatio !== undefined) out.push(`**Intake / start floor = ${r.intakeToStartFloorRatio}** (best accepted/s over best starts/s); intake p99 at concurrency 4: ${cell(r.intakeP99MsAtConcurrency4)} ms.`, '');
  }

  if (r.lifecycle || r.floor) {
    out.push('## (b) Lifecycle through the API and (c) the Temporal floor', '');
    out.push('Lifecycle: complaint → accept → dispatch → finding → sign → submit-rectification → approve-rectification → reply → SATISFIED evaluation (CLOSED), one virtual user per case. Floor: a workflow start and 8 Updates of a counting workflow, straight to Temporal, same count and concurrency.', '');
    const rows: unknown[][] = [];
    if (r.lifecycle) {
      const l = r.lifecycle;
      rows.push(['lifecycle (HTTP API)', `${l.closed}/${l.cases}`, l.concurrency, l.seconds, l.casesPerSecond, l.requestsPerSecond, l.caseLatencyMs.p50, l.caseLatencyMs.p95, l.caseLatencyMs.p99]);
    }
    if (r.floor) {
      const f = r.floor;
      rows.push(['floor (Temporal client)', `${f.completed}/${f.workflows}`, f.concurrency, f.seconds, f.workflowsPerSecond, f.callsPerSecond, f.workflowLatencyMs.p50, f.workflowLatencyMs.p95, f.workflowLatencyMs.p99]);
    }
    out.push(...table(['', 'Done', 'Concurrency', 'Seconds', 'Flows/s', 'Calls/s', 'Flow p50 ms', 'p95 ms', 'p99 ms'], rows), '');
    if (r.lifecycleToFloorRatio !== undefined) out.push(`**Lifecycle / floor = ${r.lifecycleToFloorRatio}** (cases per second over bare workflows per second).`, '');
    if (r.workerCpuMsPerCase !== undefined) out.push(`**Worker CPU per case = ${r.workerCpuMsPerCase} ms** (the worker process's user + system time over the lifecycle phase, divided by the cases closed).`, '');
    if (r.dbFloor) {
      const d = r.dbFloor;
      out.push('### Database floor: the same rows without Temporal', '');
      out.push(
        `One case walked through the API as above; after each step its decision was recorded (the workflow's state from the \`caseState\` query, its timeline entries from \`case_events\`). ` +
          `Then ${d.cases} copies were written by the project's projection writer (\`CaseProjectionWriter.register\` and \`project\`: case row, timeline, open-case counters, statistics, audit records) from the bench process, ` +
          `one MySQL transaction per decision (${d.transactionsPerCase} a case, ${d.eventsPerCase} timeline events), at concurrency ${d.concurrency}, with no Temporal and no HTTP. Notices are not written.`,
        '',
      );
      out.push(
        ...table(['', 'Done', 'Seconds', 'Cases/s', 'Transactions/s', 'Case p50 ms', 'Case p99 ms', 'Transaction p50 ms', 'p95 ms', 'p99 ms'], [
          ['database floor', `${d.written}/${d.cases}`, d.seconds, d.casesPerSecond, d.transactionsPerSecond, d.caseLatencyMs.p50, d.caseLatencyMs.p99, d.transactionLatencyMs.p50, d.transactionLatencyMs.p95, d.transactionLatencyMs.p99],
        ]),
        '',
      );
      out.push(`**Lifecycle / database floor = ${cell(r.lifecycleToDbFloorRatio)}**. Failures: ${Object.keys(d.failures).length ? JSON.stringify(d.failures) : 'none'}.`, '');
    }
    if (r.lifecycle) {
      const l = r.lifecycle;
      out.push('Per request of the lifecycle (ms):', '');
      out.push(...table(['Step', 'p50', 'p95', 'p99', 'max'], Object.entries(l.stepLatencyMs).map(([step, x]) => [step, x.p50, x.p95, x.p99, x.max])), '');
      out.push(
        `From the complaint's 201 until \`accept\` went through (the worker had written the case row and admitted it; \`accept\` answers 404, then 409, until then): p50 ${l.admittedAfterMs.p50} ms, p95 ${l.admittedAfterMs.p95} ms, max ${l.admittedAfterMs.max} ms (${l.acceptRetries} retries, every 25 ms). Failures: ${Object.keys(l.failures).length ? JSON.stringify(l.failures) : 'none'}.`,
        '',
      );
    }
    if (r.floor) {
      const f = r.floor;
      out.push(`Floor: start p50 ${f.startLatencyMs.p50} ms / p95 ${f.startLatencyMs.p95} ms; Update p50 ${f.updateLatencyMs.p50} ms / p95 ${f.updateLatencyMs.p95} ms / p99 ${f.updateLatencyMs.p99} ms. Bundling the floor workflow took ${f.bundleSeconds} s (not counted).`, '');
    }
  }

  if (r.timers) {
    const t = r.timers;
    out.push('## (d) Timer accuracy', '');
    out.push(
      `First ${t.openCases.filed.toLocaleString('en-US')} complaints under a working-day policy, filed at concurrency ${t.openCases.concurrency} and admitted in ${t.openCases.seconds} s, stay open throughout. ` +
        `Then a MINUTE policy for \`${t.policy.category}\` (ACCEPTANCE ${t.policy.acceptanceMinutes} min: warning due ≈ +${t.policy.warnAfterSeconds} s, reminder at +${t.policy.deadlineAfterSeconds} s) and ` +
        `${t.filed} complaints under it, filed at ${t.probesPerSecond} a second (${t.filingSeconds} s) and left alone, so their escalations come due at that rate; ${t.openWhenFirstWarningDue.toLocaleString('en-US')} cases were open when the first warning came due. ` +
        `*Lateness* is \`case_events.occurred_at\` (the workflow's clock when it acted on the timer) minus \`cases.warn_at\` / \`deadline_at\`; *visible* is when the bench first saw the row in MySQL (polled every ${t.pollIntervalMs} ms) minus the same instant.`,
      '',
    );
    out.push(
      ...table(
        ['Event', 'Fired', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'min ms', 'visible p50', 'visible p95', 'visible p99', 'visible max'],
        [
          ['DEADLINE_WARNING', `${t.warning.fired}/${t.warning.expected}`, t.warning.latenessMs.p50, t.warning.latenessMs.p95, t.warning.latenessMs.p99, t.warning.latenessMs.max, t.warning.latenessMs.min, t.warning.visibleLatenessMs.p50, t.warning.visibleLatenessMs.p95, t.warning.visibleLatenessMs.p99, t.warning.visibleLatenessMs.max],
          ['DEADLINE_MISSED', `${t.missed.fired}/${t.missed.expected}`, t.missed.latenessMs.p50, t.missed.latenessMs.p95, t.missed.latenessMs.p99, t.missed.latenessMs.max, t.missed.latenessMs.min, t.missed.visibleLatenessMs.p50, t.missed.visibleLatenessMs.p95, t.missed.visibleLatenessMs.p99, t.missed.visibleLatenessMs.max],
        ],
      ),
      '',
    );
  }

  if (r.burst) {
    const b = r.burst;
    out.push('## (g) Burst: warnings due at the same instant', '');
    out.push(
      `${b.filed.toLocaleString('en-US')} of ${b.asked.toLocaleString('en-US')} complaints under a MINUTE policy for \`${b.policy.category}\` (ACCEPTANCE ${b.policy.acceptanceMinutes} min, warning at +${b.policy.warnAfterSeconds} s) were filed at concurrency ${b.seedConcurrency} and admitted in ${b.seedSeconds} s (other answers: ${statuses(b.statuses)}). ` +
        `The worker was then stopped for ${b.stoppedSeconds} s while all their warnings came due (spread over ${b.dueSpreadSeconds} s), and a new one started once the last had passed (its start-up, ${b.workerStartSeconds} s, not counted): ` +
        `${b.due.toLocaleString('en-US')} warnings due at one instant for the worker, whose workflow cache starts empty (each case replays its short history once). ` +
        `${b.warnedBeforeHold ? `${b.warnedBeforeHold} warnings came due before the stop (seeding ran long) and are not counted. ` : ''}*After* is measured from the new worker's first poll.`,
      '',
    );
    out.push(
      ...table(['Due', 'Written', 'All written after s', 'Last occurred_at after s', ...Object.keys(b.writtenAfter).map((k) => `written by ${k}`), 'DEADLINE_MISSED meanwhile'], [
        [b.due, b.written, b.timedOut ? `not within the timeout` : b.escalatedSeconds, b.lastOccurredSeconds, ...Object.values(b.writtenAfter), b.missedDuringBurst],
      ]),
      '',
    );
  }

  if (r.queries) {
    const q = r.queries;
    out.push('## (e) List and dashboard queries', '');
    out.push(
      `${q.seed.rows.toLocaleString('en-US')} synthetic cases seeded in ${q.seed.seconds} s (${q.seed.rowsPerSecond.toLocaleString('en-US')} rows/s; ${q.seed.distribution.open.toLocaleString('en-US')} open, ${q.seed.distribution.overdue.toLocaleString('en-US')} overdue), ` +
        `${q.casesInTable.toLocaleString('en-US')} rows in \`cases\` (${q.seed.tableMiB} MiB data, ${q.seed.indexMiB} MiB indexes). One request at a time; *cold* is the first, unmeasured call.`,
      '',
    );
    out.push(...table(['User', 'Request', 'Status', 'Matched', 'Cold ms', 'p50 ms', 'p95 ms', 'max ms', 'n'], q.queries.map((x) => [x.user, `\`GET ${x.path}\``, x.status, x.rowsMatched, x.coldMs, x.p50, x.p95, x.max, x.samples])), '');
  }

  if (r.processes) {
    const m = r.processes;
    const phases = Object.keys(m.peakRssByPhaseMiB);
    const names = Object.keys(m.vmHwmMiB);
    out.push('## (f) Memory and CPU', '');
    out.push(`VmHWM is the kernel's peak resident set over the process's life (the worker's includes bundling the workflows at start); the other columns are the highest VmRSS sampled every ${m.intervalMs} ms in each phase. MiB.`, '');
    out.push(...table(['Process', 'VmHWM', ...phases], names.map((name) => [name, m.vmHwmMiB[name], ...phases.map((p) => m.peakRssByPhaseMiB[p]?.[name])])), '');
    const cpuPhases = Object.keys(m.cpuSecondsByPhase);
    const cpuNames = [...new Set(cpuPhases.flatMap((p) => Object.keys(m.cpuSecondsByPhase[p])))];
    out.push('CPU seconds (user + system) per phase, and the 1-minute load average at its end:', '');
    out.push(
      ...table(
        ['Process', ...cpuPhases],
        [...cpuNames.map((name) => [name, ...cpuPhases.map((p) => m.cpuSecondsByPhase[p]?.[name])]), ['load average', ...cpuPhases.map((p) => m.loadAverageByPhase[p])]],
      ),
      '',
    );
  }

  if (r.breakdown) {
    out.push('## Where the time goes (workflow histories)', '');
    out.push('For a random sample of cases of each phase: *queued* is scheduled → started (waiting for a worker slot or CPU), *running* is started → completed. ms.', '');
    for (const [phase, b] of Object.entries(r.breakdown)) {
      out.push(`**${phase}** (${b.workflows} workflows)`, '');
      out.push(
        ...table(
          ['Task', 'Count', 'queued p50', 'queued p95', 'queued max', 'running p50', 'running p95', 'running max'],
          Object.entries(b.tasks).map(([name, t]) => [name, t.count, t.scheduleToStartMs.p50, t.scheduleToStartMs.p95, t.scheduleToStartMs.max, t.startToCloseMs.p50, t.startToCloseMs.p95, t.startToCloseMs.max]),
        ),
        '',
      );
    }
  }

  if (r.lockWaits) {
    const w = r.lockWaits;
    const tables = [...new Set(Object.values(w.averageWaitingByPhase).flatMap((byTable) => Object.keys(byTable)))];
    out.push('## InnoDB lock waits in the bench database', '');
    out.push(`Transactions waiting for a row lock, on average over samples taken every ${w.intervalMs} ms, by the table of the lock they wait for.`, '');
    if (tables.length === 0) out.push('No lock waits were sampled.', '');
    else out.push(...table(['Phase', 'Samples', ...tables], Object.keys(w.samplesByPhase).map((p) => [p, w.samplesByPhase[p], ...tables.map((t) => w.averageWaitingByPhase[p]?.[t] ?? 0)])), '');
  }

  if (r.phases.length) {
    out.push('## MariaDB counters per phase', '');
    out.push(...table(['Phase', 'Seconds', 'Row lock waits', 'Row lock time ms', 'fsyncs', 'Commits'], r.phases.map((p) => [p.name, p.seconds, p.dbCounters.Innodb_row_lock_waits, p.dbCounters.Innodb_row_lock_time, p.dbCounters.Innodb_data_fsyncs, p.dbCounters.Com_commit])), '');
  }

  out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

/**
 * Writes latest.{json,md} and <mode>.{json,md} under bench/results, or only <BENCH_REPORT_NAME>.{json,md}
 * when that is set (a one-off run that should not replace the latest); returns their paths relative to the project.
 */
export function writeReports(report: BenchReport): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const md = markdown(report);
  const files: string[] = [];
  const custom = process.env.BENCH_REPORT_NAME;
  if (custom !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(custom)) throw new Error(`BENCH_REPORT_NAME must be a plain file name, not "${custom}"`);
  for (const name of custom ? [custom] : ['latest', report.mode]) {
    writeFileSync(join(RESULTS_DIR, `${name}.json`), json);
    writeFileSync(join(RESULTS_DIR, `${name}.md`), md);
    files.push(relative(ROOT, join(RESULTS_DIR, `${name}.md`)), relative(ROOT, join(RESULTS_DIR, `${name}.json`)));
  }
  return files;
}
