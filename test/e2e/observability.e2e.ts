import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { Runtime } from '@temporalio/worker';
import { loadConfig } from '@app/config';
import { createLogger } from '@app/observability';
import { freePort } from '../../scripts/free-port';
import { installWorkerRuntime } from '../../apps/worker/src/worker-runtime';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

/** Log lines as a test reads them back: every line the app wrote, parsed. */
class CapturedLog {
  readonly text: string[] = [];
  write(chunk: string): void {
    this.text.push(...chunk.split('\n').filter(Boolean));
  }
  get lines(): Record<string, any>[] {
    return this.text.map((line) => JSON.parse(line));
  }
}

const NAME = '欧阳明月';
const PHONE = '13712345678';
const REQUEST_ID = 'obs-test-intake-0001';

/** Prometheus text: the value of one series, by name and labels in the order written. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * Logs and metrics of a whole case, on the real API, worker, Temporal and MariaDB: every line either
 * process writes is captured and read back; the ops listeners are scraped on free ports.
 */
describe('observability: logs and metrics of a case', () => {
  const apiLog = new CapturedLog();
  const workerLog = new CapturedLog();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let ports: { metrics: number; workerOps: number; temporal: number };
  const tokens: Record<string, string> = {};
  let caseId: string;
  let accessCode: string;
  let acceptRequestId: string;

  beforeAll(async () => {
    ports = { metrics: await freePort(), workerOps: await freePort(), temporal: await freePort() };
    Object.assign(process.env, {
      LOG_LEVEL: 'info',
      METRICS_PORT: String(ports.metrics),
      WORKER_OPS_PORT: String(ports.workerOps),
      TEMPORAL_METRICS_PORT: String(ports.temporal),
    });
    // As the worker's main.ts does: the runtime (installed quietly for every test file) again, with the
    // worker's logger and the SDK's metrics exporter. Nothing of Temporal has started yet in this file.
    await Runtime.instance().shutdown();
    const workerLogger = createLogger({ service: 'worker', level: 'info', format: 'json', destination: workerLog });
    installWorkerRuntime(loadConfig(), workerLogger);
    // One after the other: nestjs-pino keeps one request logger per process, the first app's (in production each has its own).
    api = await startApiApp({ logDestination: apiLog });
    worker = await startWorkerApp({ logger: workerLogger });
    for (const user of ['handler.gz', 'operator.gz', 'supervisor.gz']) tokens[user] = await login(api.baseUrl, user);
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
  });

  it('walks a complaint to closed', async () => {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      headers: { 'x-request-id': REQUEST_ID },
      body: {
        category: 'RANKING_ABUSE',
        subjectType: 'APP',
        subjectName: '可观测性测试App',
        regionCode: '440104',
        description: '用点赞数给基层干部排名。',
        anonymous: false,
        complainant: { name: NAME, phone: PHONE },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe(REQUEST_ID);
    ({ caseId, accessCode } = created.body);
    const { caseNo } = created.body;
    await eventually(async () => {
      const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: tokens['handler.gz'] });
      if (!detail.body?.deadlineAt) throw new Error('not projected yet');
    });
    const act = async (user: string, action: string, body: unknown = {}) => {
      const response = await http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: tokens[user], body });
      expect(response.status).toBe(200);
      return response;
    };
    const accepted = await act('handler.gz', 'accept', { note: '符合受理条件' });
    // No id given: one is made, and answered.
    acceptRequestId = accepted.headers.get('x-request-id')!;
    expect(acceptRequestId).toMatch(/^[0-9a-f-]{36}$/);
    // The open-case gauge counts the case where it stands (other test files add cases of their own: at least one).
    const scraped = await (await fetch(`http://127.0.0.1:${ports.metrics}/metrics`)).text();
    expect(sample(scraped, 'fingertip_cases_open{stage="ACCEPTED"}')).toBeGreaterThanOrEqual(1);
    await act('handler.gz', 'dispatch', await dispatchTargets());
    await act('handler.gz', 'finding', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确以点赞排名考核' });
    await act('operator.gz', 'sign', { note: '已签收' });
    await act('operator.gz', 'submit-rectification', { plan: '取消排名', evidence: ['通知文件'] });
    await act('supervisor.gz', 'approve-rectification');
    await act('handler.gz', 'reply', { content: '已责令取消排名考核。' });
    expect((await http(api.baseUrl, 'POST', `/api/v1/public/cases/${caseNo}/progress`, { body: { accessCode } })).status).toBe(200);
    const evaluated = await http(api.baseUrl, 'POST', `/api/v1/public/cases/${caseNo}/evaluation`, { body: { accessCode, satisfaction: 'SATISFIED' } });
    expect(evaluated.body).toMatchObject({ status: 'CLOSED' });
  });

  it('logs JSON lines that carry no personal data and no access code', () => {
    const all = [...apiLog.text, ...workerLog.text];
    expect(all.length).toBeGreaterThan(20);
    for (const secret of [NAME, PHONE, accessCode]) expect(all.filter((line) => line.includes(secret))).toEqual([]);
    expect(apiLog.lines.every((line) => typeof line.level === 'string' && typeof line.time === 'string')).toBe(true);
    expect(workerLog.lines.every((line) => line.service === 'worker')).toBe(true);
  });

  it('carries one request id from the API into the workflow and its activities', () => {
    const intake = apiLog.lines.find((line) => line.requestId === REQUEST_ID && line.req?.path === '/api/v1/complaints');
    expect(intake).toMatchObject({ service: 'api', req: { method: 'POST' }, res: { statusCode: 201 } });
    const activities = (requestId: string) => workerLog.lines.filter((line) => line.requestId === requestId && line.workflowId?.includes(caseId) && line.msg === 'activity completed');
    expect(activities(REQUEST_ID).map((line) => line.activity)).toEqual(expect.arrayContaining(['registerCaseWithPolicy', 'carryOutDecision']));
    // A staff action's own id reaches the activities that carry it out, though the workflow's main loop runs them.
    expect(apiLog.lines.some((line) => line.requestId === acceptRequestId && line.res?.statusCode === 200)).toBe(true);
    expect(activities(acceptRequestId).map((line) => line.activity)).toContain('carryOutDecision');
  });

  it('serves the API metrics on their own port, by route template', async () => {
    const response = await fetch(`http://127.0.0.1:${ports.metrics}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/api/v1/complaints",status="201"}')).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/api/v1/cases/:caseId/:action",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(caseId);
    expect(sample(text, 'fingertip_cases_open{stage="SUBMITTED"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'fingertip_cases_stalled')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Not on the public port.
    expect((await http(api.baseUrl, 'GET', '/metrics')).status).toBe(404);
  });

  it('serves the worker ops listener and the Temporal SDK metrics', async () => {
    const ops = `http://127.0.0.1:${ports.workerOps}`;
    expect((await fetch(`${ops}/live`)).status).toBe(200);
    const ready = await fetch(`${ops}/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'up' } });
    const metrics = await (await fetch(`${ops}/metrics`)).text();
    expect(metrics).toContain('# TYPE fingertip_activity_failures_total counter');
    expect(metrics).toContain('# TYPE fingertip_escalations_total counter');
    expect(sample(metrics, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    const sdk = await eventually(async () => {
      const text = await (await fetch(`http://127.0.0.1:${ports.temporal}/metrics`)).text();
      expect(text).toContain('temporal_workflow_task_schedule_to_start_latency_seconds_bucket');
      return text;
    });
    expect(sdk).toContain('temporal_workflow_completed_total');
  });

  it('charts in the Grafana dashboard only metrics that the processes export', async () => {
    const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const exported = (await Promise.all([ports.metrics, ports.workerOps, ports.temporal].map(scrape))).join('\n');
    const dashboard = readFileSync(join(__dirname, '../../deploy/grafana/fingertip-cases.json'), 'utf8');
    const charted = new Set(dashboard.match(/\b(fingertip|http|temporal|process|nodejs)_[a-z0-9_]+/g));
    // Series the SDK creates on the first occurrence: failed workflows, and regular (not local) activities.
    const onFirstOccurrence = ['temporal_workflow_failed_total', 'temporal_activity_execution_latency_seconds_bucket', 'temporal_activity_schedule_to_start_latency_seconds_bucket'];
    const missing = [...charted].filter((name) => !onFirstOccurrence.includes(name) && !new RegExp(`^(${name}[{ ]|# TYPE ${name} )`, 'm').test(exported));
    expect(charted.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('answers liveness always and readiness 503 when Temporal does not answer', async () => {
    expect((await http(api.baseUrl, 'GET', '/health/live')).body).toEqual({ status: 'up' });
    expect(await http(api.baseUrl, 'GET', '/health/ready')).toMatchObject({ status: 200, body: { status: 'up' } });
    // A "Temporal" that takes connections and never answers: the readiness check runs into its deadline.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const saved = { ...process.env };
    Object.assign(process.env, { TEMPORAL_ADDRESS: `127.0.0.1:${(silent.address() as AddressInfo).port}`, METRICS_PORT: '0' });
    const cutOff = await startApiApp({ logDestination: new CapturedLog() }).finally(() => Object.assign(process.env, saved));
    try {
      expect(await http(cutOff.baseUrl, 'GET', '/health/ready')).toMatchObject({ status: 503, body: { status: 'down' } });
      expect(await http(cutOff.baseUrl, 'GET', '/health/live')).toMatchObject({ status: 200, body: { status: 'up' } });
    } finally {
      await cutOff.app.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  async function dispatchTargets(): Promise<{ investigatingOrgId: number; hostUnitId: number }> {
    const { DataSource } = await import('typeorm');
    const { dataSourceOptions, OrganizationEntity } = await import('@app/database');
    const db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    try {
      const orgs = await db.getRepository(OrganizationEntity).find();
      const id = (name: string) => orgs.find((o) => o.name === name)!.id;
      return { investigatingOrgId: id('广州市网信办'), hostUnitId: id('广州市某区政务服务数据管理局') };
    } finally {
      await db.destroy();
    }
  }
});
