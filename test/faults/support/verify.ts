import type { FaultStack } from './fault-stack';
import { sleep } from './fault-stack';
import { EXPECTED_TIMELINE, type CaseRun } from './lifecycle-driver';

/**
 * What must hold after a fault, whatever it was (PRODUCT.md, "Nothing is lost"):
 *  1. every accepted submission has exactly one case: every 201 for a key named the same case, the
 *     database has one case row per key and no other, Temporal one case workflow per key and no other,
 *     and the key used again still answers with that case;
 *  2. every case reached CLOSED with outcome RESOLVED, in the projection and in the workflow;
 *  3. the timeline is exactly the expected sequence of event types, seq 1..n without gaps, and the
 *     audit trail has one record per event and an intact hash chain;
 *  4. the projection matches the workflow's own state (the `caseState` query): step, status, outcome,
 *     seq and revision.
 * Returns every problem found, each naming the case and what was expected and found.
 */
export async function verifyBatch(stack: VerifiedStack, runs: CaseRun[]): Promise<string[]> {
  const problems: string[] = [];
  const label = (run: CaseRun) => `case #${run.index} (key ${run.idempotencyKey}, id ${run.caseId ?? 'none'})`;

  for (const run of runs) {
    if (run.error) problems.push(`${label(run)}: the client gave up: ${run.error}\n    last events: ${run.trail.slice(-8).join('\n                 ')}`);
    if (run.receipts.length === 0) {
      problems.push(`${label(run)}: the submission was never accepted (${run.submitAttempts} attempts)`);
      continue;
    }
    const distinct = new Set(run.receipts.map((r) => `${r.caseId}/${r.caseNo}/${r.accessCode}`));
    if (distinct.size !== 1) problems.push(`${label(run)}: one Idempotency-Key was answered with different cases: ${[...distinct].join(', ')}`);
  }
  const accepted = runs.filter((r) => r.caseId !== null) as Array<CaseRun & { caseId: string }>;

  // 1. One case per accepted submission, in the database and in Temporal, and nothing else.
  const db = await stack.dbConnection();
  try {
    const [rows] = (await db.query('SELECT id, case_no, step, status, outcome, last_event_seq, revision FROM cases')) as unknown as [CaseRow[]];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const expectedIds = new Set(accepted.map((r) => r.caseId));
    const strays = rows.filter((r) => !expectedIds.has(r.id));
    if (strays.length) problems.push(`the database has ${strays.length} case(s) no submission was answered with: ${strays.map((r) => `${r.id} (${r.step})`).join(', ')}`);
    if (rows.length !== accepted.length) problems.push(`expected ${accepted.length} case rows (one per accepted submission), found ${rows.length}`);

    const client = await stack.temporalClient();
    const workflows = await listCaseWorkflows(client, accepted.length, stack.taskQueue);
    const expectedWorkflowIds = new Set(accepted.map((r) => `case-${r.caseId}`));
    const strayWorkflows = workflows.filter((w) => !expectedWorkflowIds.has(w.workflowId));
    if (strayWorkflows.length) problems.push(`Temporal has ${strayWorkflows.length} case workflow(s) no submission was answered with: ${strayWorkflows.map((w) => w.workflowId).join(', ')}`);
    if (workflows.length !== accepted.length) problems.push(`expected ${accepted.length} case workflow executions (one per accepted submission), found ${workflows.length}`);

    for (const run of accepted) {
      const workflowId = `case-${run.caseId}`;
      const executions = workflows.filter((w) => w.workflowId === workflowId);
      if (executions.length !== 1) problems.push(`${label(run)}: expected exactly one execution of ${workflowId}, found ${executions.length}`);

      // 2. Closed and resolved, in the projection.
      const row = byId.get(run.caseId);
      if (!row) {
        problems.push(`${label(run)}: no case row in the database (the submission was answered 201)`);
        continue;
      }
      const closed = { step: 'CLOSED', status: 'CLOSED', outcome: 'RESOLVED' };
      const rowFinal = { step: row.step, status: row.status, outcome: row.outcome };
      if (!same(rowFinal, closed)) problems.push(`${label(run)}: projection expected ${show(closed)}, found ${show(rowFinal)}`);

      // 3. The exact timeline, seq 1..n, and the audit trail record for record.
      const [events] = (await db.query('SELECT seq, type FROM case_events WHERE case_id = ? ORDER BY seq', [run.caseId])) as unknown as [Array<{ seq: number; type: string }>];
      const types = events.map((e) => e.type);
      if (!same(types, EXPECTED_TIMELINE)) problems.push(`${label(run)}: timeline expected [${EXPECTED_TIMELINE.join(', ')}], found [${types.join(', ')}]`);
      const seqs = events.map((e) => Number(e.seq));
      const wantSeqs = events.map((_, i) => i + 1);
      if (!same(seqs, wantSeqs)) problems.push(`${label(run)}: timeline seq expected [${wantSeqs.join(', ')}], found [${seqs.join(', ')}]`);
      if (Number(row.last_event_seq) !== events.length) problems.push(`${label(run)}: cases.last_event_seq is ${row.last_event_seq} but the timeline has ${events.length} events`);

      const [audit] = (await db.query('SELECT action FROM audit_records WHERE case_id = ? ORDER BY seq', [run.caseId])) as unknown as [Array<{ action: string }>];
      const wantAudit = EXPECTED_TIMELINE.map((t) => `case.${t}`);
      const actions = audit.map((a) => a.action);
      if (!same(actions, wantAudit)) problems.push(`${label(run)}: audit trail expected [${wantAudit.join(', ')}], found [${actions.join(', ')}]`);

      // 4. The projection is what the workflow itself holds.
      try {
        const handle = client.workflow.getHandle(workflowId);
        const description = await handle.describe();
        if (description.status.name !== 'COMPLETED') problems.push(`${label(run)}: workflow ${workflowId} expected COMPLETED, found ${description.status.name}`);
        const state = await handle.query<WorkflowCaseState>('caseState');
        const fromWorkflow = { step: state.step, status: state.status, outcome: state.outcome, seq: state.seq, revision: state.revision };
        const fromRow = { step: row.step, status: row.status, outcome: row.outcome, seq: Number(row.last_event_seq), revision: Number(row.revision) };
        if (!same(fromWorkflow, fromRow)) problems.push(`${label(run)}: projection ${show(fromRow)} differs from the workflow's caseState ${show(fromWorkflow)}`);
      } catch (error) {
        problems.push(`${label(run)}: could not read workflow ${workflowId}: ${(error as Error).message}`);
      }
    }
  } finally {
    await db.end();
  }

  // The audit chain as a whole.
  const auditProblem = await stack.verifyAudit();
  if (auditProblem) problems.push(auditProblem);

  // 1 again: a client that retries long after the fact still gets its own case back.
  for (const run of accepted) {
    const first = run.receipts[0];
    const again = await resubmit(stack.apiUrl, run);
    if (again.status !== 201 || again.body?.caseId !== first.caseId || again.body?.caseNo !== first.caseNo || again.body?.accessCode !== first.accessCode || again.replayed !== 'true') {
      problems.push(
        `${label(run)}: the same Idempotency-Key submitted again expected 201 ${show({ caseId: first.caseId, caseNo: first.caseNo, replayed: 'true' })}, found ${again.status} ${show({ ...again.body, replayed: again.replayed })}`,
      );
    }
  }

  for (const exit of stack.unexpectedExits()) problems.push(`a process died without being killed: ${exit}`);
  return problems;
}

/** What the checks need of a stack: FaultStack, or the processes of an e2e test. */
export interface VerifiedStack {
  /** Where the key is submitted again at the end. */
  apiUrl: string;
  dbConnection(): ReturnType<FaultStack['dbConnection']>;
  temporalClient(): ReturnType<FaultStack['temporalClient']>;
  /** Checks the whole audit chain; a problem found, or null when it is intact. */
  verifyAudit(): Promise<string | null>;
  unexpectedExits(): string[];
  /** On a Temporal shared with other tests: only this task queue's case workflows are the batch's. */
  taskQueue?: string;
}

interface CaseRow {
  id: string;
  case_no: string;
  step: string;
  status: string;
  outcome: string | null;
  last_event_seq: number;
  revision: number;
}

/** The part of the workflow's CaseState compared here (workflows/case.workflow.ts, `caseState`). */
interface WorkflowCaseState {
  step: string;
  status: string;
  outcome: string | null;
  seq: number;
  revision: number;
}

interface ListedWorkflow {
  workflowId: string;
  runId: string;
}

/** Every caseWorkflow execution on this scenario's own Temporal (or task queue); visibility may lag a moment behind. */
async function listCaseWorkflows(client: Awaited<ReturnType<FaultStack['temporalClient']>>, expected: number, taskQueue?: string): Promise<ListedWorkflow[]> {
  let found: ListedWorkflow[] = [];
  const query = `WorkflowType = "caseWorkflow"${taskQueue ? ` AND TaskQueue = "${taskQueue}"` : ''}`;
  for (let attempt = 0; attempt < 20; attempt++) {
    found = [];
    for await (const info of client.workflow.list({ query })) found.push({ workflowId: info.workflowId, runId: info.runId });
    if (found.length >= expected) return found;
    await sleep(500);
  }
  return found;
}

async function resubmit(baseUrl: string, run: CaseRun): Promise<{ status: number; body: any; replayed: string | null }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': run.idempotencyKey },
        body: JSON.stringify(run.body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      if (response.status >= 500 && attempt < 5) throw new Error(`${response.status} ${text}`);
      return { status: response.status, body: text ? JSON.parse(text) : null, replayed: response.headers.get('idempotent-replayed') };
    } catch (error) {
      if (attempt >= 5) return { status: 0, body: { error: (error as Error).message }, replayed: null };
      await sleep(1000);
    }
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  return JSON.stringify(value);
}
