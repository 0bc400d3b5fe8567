import { performance } from 'node:perf_hooks';

/**
 * Drives a batch of complaints from submission to CLOSED through the HTTP API, the way a careful
 * real client does while parts of the system die under it:
 *  - a submission is retried with the same Idempotency-Key (and the same body) on network errors,
 *    5xx and 429, with backoff, until it is answered 201;
 *  - before each action the case is read; the action is sent only while the case is still in the
 *    step before it. A network error or 5xx is retried; a 409 is followed by a fresh read: if the
 *    case moved on, the earlier attempt was applied and the driver continues;
 *  - a token the API rejects (401) is replaced by a new login;
 *  - all of it is bounded by one deadline for the batch.
 */

export const DEMO_PASSWORD = 'Demo#2026';
/** As seeded: 广州市网信办 and its host unit 广州市某区政务服务数据管理局. */
const GZ_OFFICE = 5;
const GZ_HOST_UNIT = 7;

type User = 'handler.gz' | 'operator.gz' | 'supervisor.gz';

interface LifecycleStep {
  action: string;
  /** The step the case must be in for the action, and the one it moves to. */
  from: string;
  to: string;
  /** Staff action as this user, or the complainant's public evaluation. */
  user: User | 'complainant';
  body: Record<string, unknown>;
}

export const LIFECYCLE: LifecycleStep[] = [
  { action: 'accept', from: 'SUBMITTED', to: 'ACCEPTED', user: 'handler.gz', body: { note: '符合受理条件' } },
  { action: 'dispatch', from: 'ACCEPTED', to: 'INVESTIGATING', user: 'handler.gz', body: { investigatingOrgId: GZ_OFFICE, hostUnitId: GZ_HOST_UNIT } },
  { action: 'finding', from: 'INVESTIGATING', to: 'NOTICE_SENT', user: 'handler.gz', body: { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确有强制打卡接龙' } },
  { action: 'sign', from: 'NOTICE_SENT', to: 'RECTIFYING', user: 'operator.gz', body: {} },
  { action: 'submit-rectification', from: 'RECTIFYING', to: 'UNDER_REVIEW', user: 'operator.gz', body: { plan: '取消打卡接龙', evidence: ['整改通知'] } },
  { action: 'approve-rectification', from: 'UNDER_REVIEW', to: 'FEEDBACK', user: 'supervisor.gz', body: {} },
  { action: 'reply', from: 'FEEDBACK', to: 'REVISIT', user: 'handler.gz', body: { content: '已责令取消打卡接龙要求。' } },
  { action: 'evaluation', from: 'REVISIT', to: 'CLOSED', user: 'complainant', body: { satisfaction: 'SATISFIED' } },
];

const STEP_ORDER = [...LIFECYCLE.map((s) => s.from), 'CLOSED'];

/** The timeline a case of this lifecycle ends with, event for event. */
export const EXPECTED_TIMELINE = [
  'SUBMITTED',
  'ACCEPTED',
  'DISPATCHED',
  'FINDING_RECORDED',
  'RECTIFICATION_NOTICE_SENT',
  'NOTICE_SIGNED',
  'RECTIFICATION_SUBMITTED',
  'RECTIFICATION_APPROVED',
  'REPLIED',
  'EVALUATED',
  'CLOSED',
];

export function complaintBody(scenario: string, index: number): Record<string, unknown> {
  return {
    category: 'FORCED_CHECKIN',
    subjectType: 'WORK_GROUP',
    subjectName: `故障演练工作群-${scenario}-${index}`,
    regionCode: '440105',
    description: '要求每天在工作群打卡接龙并截图上报。',
    anonymous: false,
    complainant: { name: '张三', phone: '13812345678' },
  };
}

export interface Receipt {
  caseId: string;
  caseNo: string;
  accessCode: string;
  replayed: boolean;
}

/** What happened to one case of the batch, for the assertions and for the failure message. */
export interface CaseRun {
  index: number;
  idempotencyKey: string;
  body: Record<string, unknown>;
  /** Every 201 answer the submission got (one, unless a retry was answered too). */
  receipts: Receipt[];
  caseId: string | null;
  submitAttempts: number;
  /** Actions that answered 200 to this client. */
  appliedByAnswer: string[];
  /** Actions found applied on re-reading after a failed attempt (the answer was lost). */
  appliedSilently: string[];
  /** Failed attempts by kind, e.g. "accept network", "dispatch 503", "sign 409". */
  retries: Record<string, number>;
  lastSeenStep: string | null;
  done: boolean;
  /** Why the driver gave up on the case; null when it closed. */
  error: string | null;
  /** The last few things that happened, for a failure message. */
  trail: string[];
  millis: number;
}

export interface Progress {
  submitted: number;
  submissionsInFlight: number;
  actionsDone: number;
  actionsInFlight: number;
  closed: number;
  finished: number;
}

interface Answer {
  /** 0 for a network error or a timeout: the request may or may not have been carried out. */
  status: number;
  body: any;
  headers: Headers | null;
  error?: string;
}

export interface DriverOptions {
  baseUrl: string;
  /** Several API replicas: requests go to them in turn, the copies of an impatient client's submission to different ones (baseUrl is then ignored). */
  baseUrls?: string[];
  scenario: string;
  cases: number;
  /** Case i starts i * staggerMs after the batch, so submissions keep arriving while faults happen. */
  staggerMs: number;
  /** The whole batch gives up at this instant. */
  deadlineAt: number;
  /** Each submission is sent twice, the copy 20 ms after the first, both retried until answered. */
  impatientClients?: boolean;
  /** A single request that has not answered by then is abandoned and treated as a network error. */
  requestTimeoutMs?: number;
  note?: (line: string) => void;
}

export class LifecycleDriver {
  readonly runs: CaseRun[];
  readonly progress: Progress = { submitted: 0, submissionsInFlight: 0, actionsDone: 0, actionsInFlight: 0, closed: 0, finished: 0 };
  private readonly tokens = new Map<User, Promise<string>>();
  private readonly runTag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  private requests = 0;

  constructor(private readonly options: DriverOptions) {
    this.runs = Array.from({ length: options.cases }, (_, index) => ({
      index,
      idempotencyKey: `faults-${options.scenario}-${this.runTag}-${index}`,
      body: complaintBody(options.scenario, index),
      receipts: [],
      caseId: null,
      submitAttempts: 0,
      appliedByAnswer: [],
      appliedSilently: [],
      retries: {},
      lastSeenStep: null,
      done: false,
      error: null,
      trail: [],
      millis: 0,
    }));
  }

  /** Runs the whole batch; resolves when every case closed or was given up on. Never rejects. */
  async run(): Promise<CaseRun[]> {
    await Promise.all(
      this.runs.map(async (run) => {
        await sleep(run.index * this.options.staggerMs);
        const started = performance.now();
        try {
          await this.drive(run);
          run.done = true;
          this.progress.closed += 1;
        } catch (error) {
          run.error = (error as Error).message;
          this.remember(run, `gave up: ${run.error}`);
        } finally {
          run.millis = Math.round(performance.now() - started);
          this.progress.finished += 1;
        }
      }),
    );
    return this.runs;
  }

  /** Resolves true once the condition holds, false if the batch finished first. */
  async waitFor(condition: (p: Progress) => boolean): Promise<boolean> {
    for (;;) {
      if (condition(this.progress)) return true;
      if (this.progress.finished === this.runs.length) return false;
      await sleep(20);
    }
  }

  private async drive(run: CaseRun): Promise<void> {
    const receipt = await this.submit(run);
    for (const step of LIFECYCLE) await this.advance(run, receipt, step);
  }

  private async submit(run: CaseRun): Promise<Receipt> {
    this.progress.submissionsInFlight += 1;
    try {
      // A client that gave up waiting and sent the same request again while the first was still on its way.
      const copies = this.options.impatientClients ? [0, 20] : [0];
      const receipts = await Promise.all(copies.map(async (delay, copy) => (await sleep(delay), this.submitUntilAnswered(run, copy))));
      this.progress.submitted += 1;
      return receipts[0];
    } finally {
      this.progress.submissionsInFlight -= 1;
    }
  }

  private async submitUntilAnswered(run: CaseRun, copy: number): Promise<Receipt> {
    const who = copy === 0 ? 'submit' : `submit copy ${copy}`;
    for (let attempt = 0; ; attempt++) {
      this.checkDeadline(run, who);
      run.submitAttempts += 1;
      const answer = await this.request('POST', '/api/v1/complaints', { body: run.body, headers: { 'idempotency-key': run.idempotencyKey }, replica: run.index + copy + attempt });
      if (answer.status === 201) {
        const receipt: Receipt = { ...answer.body, replayed: answer.headers?.get('idempotent-replayed') === 'true' };
        run.receipts.push(receipt);
        run.caseId = receipt.caseId;
        this.remember(run, `${who}: answered ${receipt.caseId}${receipt.replayed ? ' (replayed)' : ''} after ${attempt + 1} attempt(s)`);
        return receipt;
      }
      this.countRetry(run, who, answer);
      if (!retryable(answer.status)) throw new Error(`${who} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      await backoff(attempt);
    }
  }

  /** Moves the case one step on, whatever happened to earlier attempts. */
  private async advance(run: CaseRun, receipt: Receipt, step: LifecycleStep): Promise<void> {
    const from = STEP_ORDER.indexOf(step.from);
    for (let attempt = 0; ; attempt++) {
      this.checkDeadline(run, step.action);
      const current = await this.readStep(run, receipt.caseId);
      const at = STEP_ORDER.indexOf(current);
      if (at > from) {
        // The case is past this step though no attempt was answered 200: one of them was applied.
        run.appliedSilently.push(step.action);
        this.remember(run, `${step.action}: found applied (case is ${current})`);
        this.progress.actionsDone += 1;
        return;
      }
      if (at < from) {
        // The projection lags behind the workflow (or something is badly wrong): look again shortly.
        this.remember(run, `${step.action}: case reads ${current}, waiting for ${step.from}`);
        await backoff(attempt);
        continue;
      }

      this.progress.actionsInFlight += 1;
      const answer = await this.send(step, receipt).finally(() => (this.progress.actionsInFlight -= 1));
      if (answer.status === 200) {
        // The public evaluation answer shows the stage, not the internal step (CLOSED is both).
        const reached = step.user === 'complainant' ? answer.body?.stage : answer.body?.step;
        if (reached !== step.to) throw new Error(`${step.action} answered 200 with step ${reached}, expected ${step.to}`);
        run.appliedByAnswer.push(step.action);
        run.lastSeenStep = step.to;
        this.progress.actionsDone += 1;
        return;
      }
      this.countRetry(run, step.action, answer);
      if (answer.status === 401 && step.user !== 'complainant') this.tokens.delete(step.user);
      else if (answer.status === 409 || answer.status === 404) await sleep(Math.min(1000, 100 * (attempt + 1))); // re-read: applied already, or not yet visible
      else if (retryable(answer.status)) await backoff(attempt);
      else throw new Error(`${step.action} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }

  private send(step: LifecycleStep, receipt: Receipt): Promise<Answer> {
    if (step.user === 'complainant') {
      return this.request('POST', `/api/v1/public/cases/${receipt.caseNo}/evaluation`, { body: { accessCode: receipt.accessCode, ...step.body } });
    }
    return this.withToken(step.user, (token) => this.request('POST', `/api/v1/cases/${receipt.caseId}/${step.action}`, { token, body: step.body }));
  }

  /** The case's step as the API shows it (handler.gz sees every case of this batch). */
  private async readStep(run: CaseRun, caseId: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      this.checkDeadline(run, 'read');
      const answer = await this.withToken('handler.gz', (token) => this.request('GET', `/api/v1/cases/${caseId}`, { token }));
      if (answer.status === 200) {
        run.lastSeenStep = answer.body.step;
        return answer.body.step as string;
      }
      this.countRetry(run, 'read', answer);
      if (answer.status === 401) this.tokens.delete('handler.gz');
      else if (answer.status === 404) await sleep(Math.min(1000, 100 * (attempt + 1))); // the workflow's first activity has not registered it yet
      else if (retryable(answer.status)) await backoff(attempt);
      else throw new Error(`reading the case answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }

  private async withToken(user: User, call: (token: string) => Promise<Answer>): Promise<Answer> {
    let token: string;
    try {
      token = await this.token(user);
    } catch (error) {
      return { status: 0, body: null, headers: null, error: `login: ${(error as Error).message}` };
    }
    return call(token);
  }

  /** One login per user, shared by every case; a failed login is retried by the next caller. */
  private token(user: User): Promise<string> {
    let pending = this.tokens.get(user);
    if (!pending) {
      pending = (async () => {
        const answer = await this.request('POST', '/api/v1/auth/login', { body: { username: user, password: DEMO_PASSWORD } });
        if (answer.status !== 200) throw new Error(`login as ${user} answered ${answer.status}${answer.error ? ` (${answer.error})` : ''}`);
        return answer.body.accessToken as string;
      })();
      this.tokens.set(user, pending);
      pending.catch(() => {
        if (this.tokens.get(user) === pending) this.tokens.delete(user);
      });
    }
    return pending;
  }

  private async request(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string>; replica?: number } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const timeout = Math.max(1000, Math.min(this.options.requestTimeoutMs ?? 30_000, this.options.deadlineAt - Date.now()));
    try {
      const replicas = this.options.baseUrls ?? [this.options.baseUrl];
      const response = await fetch(`${replicas[(options.replica ?? this.requests++) % replicas.length]}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(timeout),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text for the message
      }
      return { status: response.status, body, headers: response.headers };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { status: 0, body: null, headers: null, error: cause?.code ?? (error as Error).name };
    }
  }

  private checkDeadline(run: CaseRun, doing: string): void {
    if (Date.now() > this.options.deadlineAt) throw new Error(`deadline passed during ${doing}; case last read as ${run.lastSeenStep ?? 'never readable'}`);
  }

  private countRetry(run: CaseRun, what: string, answer: Answer): void {
    const kind = `${what} ${answer.status === 0 ? `network(${answer.error})` : answer.status}`;
    run.retries[kind] = (run.retries[kind] ?? 0) + 1;
    const reason = answer.status === 0 ? answer.error : typeof answer.body === 'object' ? answer.body?.message : answer.body;
    this.remember(run, `${kind}: ${String(reason ?? '').slice(0, 120)}`);
  }

  private remember(run: CaseRun, line: string): void {
    const entry = `${new Date().toISOString().slice(11, 23)} ${line}`;
    // Consecutive repeats of the same line are counted, not stored again.
    const last = run.trail[run.trail.length - 1];
    if (last && last.replace(/^\S+ /, '').replace(/ \(x\d+\)$/, '') === line) {
      const count = Number(/\(x(\d+)\)$/.exec(last)?.[1] ?? 1) + 1;
      run.trail[run.trail.length - 1] = `${entry} (x${count})`;
    } else {
      run.trail.push(entry);
      if (run.trail.length > 40) run.trail.shift();
    }
    this.options.note?.(`case ${run.index}: ${line}`);
  }
}

/** Network errors (0), 429 and 5xx mean "nothing known happened, try again". */
function retryable(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

function backoff(attempt: number): Promise<void> {
  const base = Math.min(2000, 200 * 1.5 ** attempt);
  return sleep(base / 2 + Math.random() * (base / 2));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
