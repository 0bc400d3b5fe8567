import type { INestApplicationContext } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';
import { buildCorpus, CORPUS_USERS, type BadRequest, type Control, type Corpus, type CorpusContext } from './bad-input/corpus';

/**
 * The bad-input suite: a generated corpus of malformed requests against every route. Every answer must
 * be a 4xx in the one error shape, none a 5xx; the process stays up; no row is written.
 *
 * The run has a database and a task queue of its own: the corpus locks usernames with failed logins and
 * counts rows, and neither may meet the other e2e files running beside it on the shared test database.
 */
const ERROR_KEYS = new Set(['statusCode', 'error', 'message', 'code', 'params', 'details']);
const CONCURRENCY = 8;
// Failed logins are expected to add rows here (the lockout counts them), and every request counts against a
// rate-limit window (one row per client or user and budget). The worker's timer seals an audit anchor over
// heads that moved before the test (audit_records itself must not grow); nothing else may change.
const TABLES_ALLOWED_TO_GROW = new Set(['login_attempts', 'rate_limit_windows', 'audit_anchors']);

interface Answer {
  status: number;
  text: string;
  ms: number;
  failure?: string;
}

let transportRetries = 0;

/**
 * Sends one request as it is. A transport failure is tried once more: a kept-alive connection the server
 * closed as the client picked it up fails without the request having reached the server. A request that
 * breaks the connection itself fails both times, and is reported.
 */
async function send(baseUrl: string, request: Pick<BadRequest, 'method' | 'path' | 'headers' | 'body'>): Promise<Answer> {
  const first = await sendOnce(baseUrl, request);
  if (first.status !== 0) return first;
  transportRetries += 1;
  return sendOnce(baseUrl, request);
}

async function sendOnce(baseUrl: string, request: Pick<BadRequest, 'method' | 'path' | 'headers' | 'body'>): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    return { status: response.status, text: await response.text(), ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return { status: 0, text: '', ms: performance.now() - started, failure: `${(error as Error).message}${cause ? `: ${String(cause)}` : ''}` };
  }
}

/** Runs the tasks with at most `limit` at a time, answers in the order of the tasks. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]);
      }
    }),
  );
  return results;
}

/** What is wrong with an error answer's body, or null: `{statusCode, error, message, details?}`, statusCode the HTTP status. */
function shapeProblem(answer: Answer): string | null {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `body is not JSON: ${JSON.stringify(answer.text.slice(0, 120))}`;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return `body is not an object: ${answer.text.slice(0, 120)}`;
  const { statusCode, error, message, code } = body as Record<string, unknown>;
  const problems: string[] = [];
  if (statusCode !== answer.status) problems.push(`statusCode ${JSON.stringify(statusCode)} is not the HTTP status`);
  if (typeof error !== 'string') problems.push('error is not a string');
  if (typeof message !== 'string') problems.push('message is not a string');
  if (typeof code !== 'string') problems.push('code is not a string');
  const extra = Object.keys(body).filter((k) => !ERROR_KEYS.has(k));
  if (extra.length) problems.push(`unexpected keys ${extra.join(', ')}`);
  return problems.length ? `${problems.join('; ')}: ${answer.text.slice(0, 160)}` : null;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);
const describeRequest = (r: BadRequest) => `${r.method} ${clip(r.path, 90)} [${r.category}] ${clip(r.mutation, 90)}`;

async function rowCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }[]>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = await db.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM \`${name}\``);
    counts[name] = Number(n);
  }
  return counts;
}

/** Counts once they stop moving: the workflows write the fixtures' projection a moment after the requests. */
async function settledRowCounts(db: DataSource): Promise<Record<string, number>> {
  let previous = await rowCounts(db);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const current = await rowCounts(db);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  return previous;
}

describe('bad input: a generated corpus of malformed requests against every route', () => {
  const savedEnv = new Map<string, string | undefined>();
  let adminConnection: Awaited<ReturnType<typeof createConnection>> | undefined;
  let databaseName: string;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let context: CorpusContext;
  let corpus: Corpus;
  let countsBefore: Record<string, number>;
  const tokens: Record<string, string> = {};

  const setEnv = (name: string, value: string) => {
    if (!savedEnv.has(name)) savedEnv.set(name, process.env[name]);
    process.env[name] = value;
  };

  beforeAll(async () => {
    // A database and a task queue of this file's own, read by loadConfig when the apps start.
    const shared = loadConfig();
    databaseName = `${shared.DB_NAME}_badinput`;
    setEnv('DB_NAME', databaseName);
    setEnv('TEMPORAL_TASK_QUEUE', `${shared.TEMPORAL_TASK_QUEUE}-badinput`);
    const config = loadConfig();
    adminConnection = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
    await adminConnection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
    await adminConnection.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await migrateDatabase(config);

    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(config)).initialize();
    for (const user of [...CORPUS_USERS, 'handler.sz']) tokens[user] = await login(api.baseUrl, user);

    // Fixture A, as the authorization matrix builds it: a Guangzhou complaint accepted, dispatched and
    // found SERIOUS, so it waits for the host unit's signature and is referred to the discipline body.
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category: 'MANDATORY_FEATURES', subjectType: 'APP', subjectName: '坏输入测试App', regionCode: '440106', description: '未经审批设置积分和在线时长功能。', anonymous: false, complainant: { name: '王五', phone: '13600002222' } },
    });
    expect(created.status).toBe(201);
    const caseId: string = created.body.caseId;
    const act = (action: string, body: unknown) => http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: tokens['handler.gz'], body });
    await eventually(async () => expect((await act('accept', {})).status).toBe(200));
    expect((await act('dispatch', { investigatingOrgId: 5, hostUnitId: 7 })).status).toBe(200);
    expect((await act('finding', { result: 'SUBSTANTIATED', severity: 'SERIOUS', summary: '违规设置强制功能' })).status).toBe(200);
    const referral = await eventually(async () => {
      const inbox = await http(api.baseUrl, 'GET', '/api/v1/referrals?pageSize=100', { token: tokens['discipline.gz'] });
      const found = inbox.body.items?.find?.((r: { caseId: string }) => r.caseId === caseId);
      // The package is built right after the referral: waited for, so that no row is written during the run.
      if (!found?.packageSha256) throw new Error('no referral with its package yet');
      return found;
    });
    const notice = await eventually(async () => {
      const notices = await http(api.baseUrl, 'GET', '/api/v1/notifications?pageSize=100', { token: tokens['operator.gz'] });
      const found = notices.body.items?.find((n: { caseId: string }) => n.caseId === caseId);
      if (!found) throw new Error('no notification for the host unit yet');
      return found;
    });
    // Fixture B: a Shenzhen complaint, out of reach of every Guangzhou principal.
    const outOfReach = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category: 'FORCED_CHECKIN', subjectType: 'WORK_GROUP', subjectName: '坏输入深圳工作群', regionCode: '440304', description: '要求每天在工作群打卡接龙并截图上报。', anonymous: true },
    });
    expect(outOfReach.status).toBe(201);
    await eventually(async () => expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${outOfReach.body.caseId}`, { token: tokens['handler.sz'] })).status).toBe(200));

    // Fixture C: a registry entry of the Guangzhou host unit.
    const entry = await http(api.baseUrl, 'POST', '/api/v1/registry', {
      token: tokens.admin,
      body: { name: '坏输入测试工作群', kind: 'WORK_GROUP', platform: 'DINGTALK', hostUnitId: 7, regionCode: '440106', status: 'ACTIVE' },
    });
    expect(entry.status).toBe(201);

    context = {
      fixture: { caseId, caseNo: created.body.caseNo, accessCode: created.body.accessCode, referralId: referral.id, notificationId: notice.id, outOfReachCaseId: outOfReach.body.caseId, registryEntryId: String(entry.body.id) },
      tokens,
      jwtSecret: config.JWT_SECRET,
    };
    corpus = buildCorpus(context);
    countsBefore = await settledRowCounts(db);
  }, 180_000);

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
    await adminConnection?.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
    await adminConnection?.end();
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('generates the same corpus every time: at least 1,000 requests, every route covered', () => {
    const again = buildCorpus(context);
    const fingerprint = (c: Corpus) => c.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body?.toString('base64') ?? ''}`);
    expect(fingerprint(again)).toEqual(fingerprint(corpus));
    expect(corpus.requests.length).toBeGreaterThanOrEqual(1000);

    const document = SwaggerModule.createDocument(api.app, new DocumentBuilder().build());
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(corpus.requests.map((r) => r.route));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);

    const byCategory = new Map<string, number>();
    for (const r of corpus.requests) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
    const table = [...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `  ${c.padEnd(26)} ${n}`);
    process.stdout.write(`bad-input corpus: ${corpus.requests.length} requests over ${covered.size} routes\n${table.join('\n')}\n`);
  });

  it('refuses each unmutated base request for its intended reason (the controls)', async () => {
    const answers = await pool(corpus.controls, CONCURRENCY, (c) => send(api.baseUrl, c));
    const wrong = corpus.controls
      .map((c, i): [Control, Answer] => [c, answers[i]])
      .filter(([c, a]) => a.status !== c.status || (c.message !== undefined && !c.message.test(a.text)))
      .map(([c, a]) => `${c.label}: ${c.method} ${clip(c.path, 80)} expected ${c.status}${c.message ? ` ${c.message}` : ''}, got ${a.status} ${clip(a.failure ?? a.text, 200)}`);
    expect(wrong).toEqual([]);
  }, 60_000);

  it('answers every malformed request with a 4xx in the one error shape, never a 5xx', async () => {
    const started = Date.now();
    const answers = await pool(corpus.requests, CONCURRENCY, (r) => send(api.baseUrl, r));
    const elapsed = Date.now() - started;

    const offenders: string[] = [];
    corpus.requests.forEach((request, i) => {
      const answer = answers[i];
      const statusOk = request.expect ? request.expect.includes(answer.status) : answer.status >= 400 && answer.status < 500;
      const shape = answer.status >= 400 ? shapeProblem(answer) : null;
      if (!statusOk || shape) {
        const wanted = request.expect ? request.expect.join('|') : '4xx';
        offenders.push(`${request.route} :: ${describeRequest(request)} -> ${answer.status || answer.failure} (wanted ${wanted})${shape ? ` :: ${shape}` : ` :: ${clip(answer.text, 160)}`}`);
      }
    });
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    const slowest = Math.max(...answers.map((a) => a.ms));
    process.stdout.write(
      `bad-input: ${corpus.requests.length} requests in ${(elapsed / 1000).toFixed(1)} s (slowest ${slowest.toFixed(0)} ms, ${transportRetries} resent after a transport failure); statuses ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}\n`,
    );
    const shown = offenders.slice(0, 80);
    if (offenders.length > shown.length) shown.push(`… and ${offenders.length - shown.length} more`);
    expect({ offenders: offenders.length, first: shown }).toEqual({ offenders: 0, first: [] });
    // A guard against a hang, not a speed target: some 9,000 requests take two to three minutes on a busy 2-core machine.
  }, 360_000);

  it('stays up: /health answers 200, and the fixtures are where they were', async () => {
    const health = await http(api.baseUrl, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    // Every action was refused: the case still waits for the host unit's signature (its timeline: case_events below).
    const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${context.fixture.caseId}`, { token: tokens['handler.gz'] });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ step: 'NOTICE_SENT', status: 'OPEN', anonymous: false });
    const outOfReach = await http(api.baseUrl, 'GET', `/api/v1/cases/${context.fixture.outOfReachCaseId}`, { token: tokens['handler.sz'] });
    expect(outOfReach.body).toMatchObject({ step: 'SUBMITTED', status: 'OPEN' });
  });

  it('writes no row: every table but login_attempts, rate_limit_windows and audit_anchors has the rows it had before', async () => {
    const after = await settledRowCounts(db);
    const changed = Object.keys({ ...countsBefore, ...after })
      .filter((table) => !TABLES_ALLOWED_TO_GROW.has(table) && countsBefore[table] !== after[table])
      .map((table) => `${table}: ${countsBefore[table]} -> ${after[table]}`);
    expect(changed).toEqual([]);
    for (const table of ['cases', 'case_events', 'referrals', 'organizations', 'users', 'sla_policies', 'calendar_day_overrides', 'notifications', 'audit_records']) {
      expect(after).toHaveProperty(table);
    }
  });
});
