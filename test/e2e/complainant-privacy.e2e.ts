import type { INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, OrganizationEntity } from '@app/database';
import { maskName, maskPhone } from '@app/privacy';
import { historyToJson } from '../support/record-history';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

const NAME = '司马青岚';
const PHONE = '13975318642';
const COMMENT = '整改后群里仍然每天要求接龙打卡';

const body = {
  category: 'FORCED_CHECKIN',
  subjectType: 'WORK_GROUP',
  subjectName: '某街道隐私测试工作群',
  regionCode: '440104',
  description: '要求每天在工作群打卡接龙并截图上报，晚上也要即时回复。',
  anonymous: false,
  complainant: { name: NAME, phone: PHONE },
};

/**
 * Everything someone holding a candidate list could compute from a complainant's name and phone, to look
 * for in what the workflow keeps: the values, their masked forms, their encodings, and unkeyed hashes of
 * them and of the request body.
 */
function derivations(): Record<string, string> {
  const canonical = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : v && typeof v === 'object'
        ? `{${Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`
        : JSON.stringify(v);
  const plain: Record<string, string> = {
    name: NAME,
    phone: PHONE,
    'phone without its prefix': PHONE.slice(3),
    'phone with +86': `+86${PHONE}`,
    'masked name': maskName(NAME),
    'masked phone': maskPhone(PHONE),
    'name and phone': `${NAME}${PHONE}`,
    'complainant JSON': JSON.stringify(body.complainant),
    'complainant canonical JSON': canonical(body.complainant),
    'body JSON': JSON.stringify(body),
    'body canonical JSON': canonical(body),
  };
  const found: Record<string, string> = {};
  for (const [what, value] of Object.entries(plain)) {
    if (!what.includes('JSON') && what !== 'name and phone') found[what] = value;
    found[`${what}, escaped in JSON`] = JSON.stringify(value).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    found[`${what}, base64`] = Buffer.from(value).toString('base64').replace(/=+$/, '');
    for (const algorithm of ['sha256', 'sha1', 'md5']) {
      const digest = createHash(algorithm).update(value).digest();
      found[`${algorithm} of ${what}, hex`] = digest.toString('hex');
      found[`${algorithm} of ${what}, base64`] = digest.toString('base64').replace(/=+$/, '');
      found[`${algorithm} of ${what}, base64url`] = digest.toString('base64url');
    }
  }
  // Too short to mean anything on their own in a long history (a masked short name is one character and stars).
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v.length >= 6));
}

/** Every byte field of a message, decoded as text. */
function decodedBytes(message: unknown): string {
  const decoded: string[] = [];
  const walk = (node: unknown): void => {
    if (node instanceof Uint8Array) decoded.push(Buffer.from(node).toString('utf8'));
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(message);
  return decoded.join('\n');
}

/** A message as JSON with its byte fields in base64, the way Temporal's own JSON shows them. */
function asJson(message: unknown): string {
  return JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? Buffer.from(original).toString('base64') : value;
  });
}

/** No personal data in workflow histories, and none shown to the host unit complained about. */
describe("the complainant's identity on the real stack", () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let connection: Connection;
  const tokens: Record<string, string> = {};
  let caseId: string;

  const act = (user: string, action: string, payload: unknown = {}) => http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: tokens[user], body: payload });

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    connection = await Connection.connect({ address: loadConfig().TEMPORAL_ADDRESS });
    for (const user of ['handler.gz', 'supervisor.gz', 'operator.gz']) tokens[user] = await login(api.baseUrl, user);

    // A named complaint, with an Idempotency-Key (so a request fingerprint is made), through its whole lifecycle.
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body, headers: { 'Idempotency-Key': `privacy-${Date.now()}` } });
    expect(created.status).toBe(201);
    caseId = created.body.caseId;
    await eventually(async () => {
      const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: tokens['handler.gz'] });
      if (detail.status !== 200 || !detail.body.deadlineAt) throw new Error('not projected yet');
    });
    const orgs = await db.getRepository(OrganizationEntity).find();
    const org = (name: string) => orgs.find((o) => o.name === name)!.id;
    expect((await act('handler.gz', 'accept')).status).toBe(200);
    expect((await act('handler.gz', 'dispatch', { investigatingOrgId: org('广州市网信办'), hostUnitId: org('广州市某区政务服务数据管理局') })).status).toBe(200);
    expect((await act('handler.gz', 'finding', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确有强制接龙' })).status).toBe(200);
    expect((await act('operator.gz', 'sign')).status).toBe(200);
    expect((await act('operator.gz', 'submit-rectification', { plan: '取消接龙', evidence: ['通知'] })).status).toBe(200);
    expect((await act('supervisor.gz', 'approve-rectification')).status).toBe(200);
    expect((await act('handler.gz', 'reply', { content: '已责令取消接龙。' })).status).toBe(200);
    const evaluated = await http(api.baseUrl, 'POST', `/api/v1/public/cases/${created.body.caseNo}/evaluation`, {
      body: { accessCode: created.body.accessCode, satisfaction: 'BASICALLY_SATISFIED', comment: COMMENT },
    });
    expect(evaluated).toMatchObject({ status: 200, body: { status: 'CLOSED' } });
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await connection?.close();
    await db?.destroy();
  });

  it('leaves nothing derived from the name or phone anywhere in the workflow history or its memo and search attributes', async () => {
    const handle = new Client({ connection }).workflow.getHandle(`case-${caseId}`);
    const history = await handle.fetchHistory();
    const description = await handle.describe();
    // The full history JSON from the server (payloads in base64), every payload decoded, and the description
    // (memo, search attributes) the visibility store keeps.
    const text = [historyToJson(history), decodedBytes(history), asJson(description.raw), decodedBytes(description.raw), JSON.stringify(description.memo)].join('\n');
    expect(text).toContain(caseId); // the history was read, payloads included
    expect(text).toContain('BASICALLY_SATISFIED');

    const checked = derivations();
    expect(Object.keys(checked).length).toBeGreaterThan(100);
    const found = Object.entries(checked).filter(([, value]) => text.includes(value)).map(([what]) => what);
    expect(found).toEqual([]);
  });

  it('still shows staff the complainant masked, made from the sealed values', async () => {
    const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: tokens['handler.gz'] });
    expect(detail.body).toMatchObject({ anonymous: false, complainant: { name: maskName(NAME), phone: maskPhone(PHONE) } });
    expect(JSON.stringify(detail.body.timeline)).toContain(COMMENT);
  });

  it('shows the host unit neither the anonymous flag nor the evaluation comment, in the case or in its list', async () => {
    const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: tokens['operator.gz'] });
    expect(detail.status).toBe(200);
    expect(detail.body).not.toHaveProperty('anonymous');
    expect(detail.body.complainant).toBeNull();
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toContain('EVALUATED');
    expect(JSON.stringify(detail.body)).not.toContain(COMMENT);

    const list = await http(api.baseUrl, 'GET', '/api/v1/cases?pageSize=100', { token: tokens['operator.gz'] });
    const line = list.body.items.find((c: { id: string }) => c.id === caseId);
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty('anonymous');
    expect(JSON.stringify(list.body)).not.toContain(COMMENT);
  });
});
