import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { beijingMonth, canonicalJson, monthLabel } from '@app/domain';
import { dataSourceOptions, OrganizationEntity } from '@app/database';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';
import { pdfText } from '../support/pdf-text';

async function download(baseUrl: string, path: string, token: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A circular drafted, reviewed and published through HTTP on the real stack, and its documents read back. */
describe('circulars through the API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let gzOffice: number;
  let caseId: string;
  const month = monthLabel(beijingMonth(new Date()));
  const as = (user: string) => tokens[user];

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    for (const user of ['handler.gz', 'handler.hz', 'supervisor.gz', 'operator.gz']) tokens[user] = await login(api.baseUrl, user);
    gzOffice = (await db.getRepository(OrganizationEntity).findOneByOrFail({ name: '广州市网信办' })).id;
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category: 'FORCED_USE', subjectType: 'APP', subjectName: '某区通报测试App', regionCode: '440104', description: '强制要求下载安装并定期登录，按安装率考核。', anonymous: false, complainant: { name: '赵六', phone: '13600003333' } },
    });
    expect(created.status).toBe(201);
    caseId = created.body.caseId;
    await eventually(async () => expect((await http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}`, { token: as('handler.gz') })).status).toBe(200));
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('drafts, reviews and publishes a circular; once published it cannot change and its hash is audited', async () => {
    const draft = await http(api.baseUrl, 'POST', '/api/v1/circulars', {
      token: as('handler.gz'),
      body: { title: '本月情况通报', period: month, orgId: gzOffice, summary: '总体平稳。', practices: '推行“一表通”。', typicalCases: [{ caseId, comment: '强制安装的典型。' }] },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.circularId;
    const detail = () => http(api.baseUrl, 'GET', `/api/v1/circulars/${id}`, { token: as('supervisor.gz') });
    await eventually(async () => expect((await detail()).body).toMatchObject({ status: 'DRAFT', from: month, to: month }));

    // The frozen statistics are those of GET /statistics for the same organization and period.
    const stats = await http(api.baseUrl, 'GET', `/api/v1/statistics?period=${month}&orgId=${gzOffice}`, { token: as('handler.gz') });
    const drafted = (await detail()).body;
    expect(drafted.content.total.cases).toBe(stats.body.total.cases);
    expect(drafted.content.total.rates).toEqual(stats.body.total.rates);
    expect(drafted.charts.map((c: { key: string }) => c.key)).toEqual(['onTime', 'rates']);
    // Anonymized: the typical case is its structured facts, nothing of the complainant.
    expect(drafted.content.typicalCases).toEqual([expect.objectContaining({ subjectName: '某区通报测试App', category: 'FORCED_USE', comment: '强制安装的典型。' })]);
    expect(JSON.stringify(drafted)).not.toMatch(/赵六|13600003333|强制要求下载安装并定期登录/);

    const act = (user: string, action: string, body: unknown = {}) => http(api.baseUrl, 'POST', `/api/v1/circulars/${id}/${action}`, { token: as(user), body });
    expect((await act('handler.gz', 'edit', { summary: '总体平稳，个别单位整改滞后。' })).body.content.summary).toBe('总体平稳，个别单位整改滞后。');
    expect((await act('handler.gz', 'publish')).status).toBe(403);
    const early = await act('supervisor.gz', 'publish');
    expect([early.status, early.body.code]).toEqual([409, 'CIRCULAR_NOT_NOW']);
    expect((await act('supervisor.gz', 'review', { note: '数据已核' })).body.status).toBe('REVIEWED');
    const published = await act('supervisor.gz', 'publish', { note: '同意印发' });
    expect(published.body).toMatchObject({ status: 'PUBLISHED', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const hash = published.body.contentHash;
    expect(hash).toBe(createHash('sha256').update(canonicalJson(published.body.content)).digest('hex'));

    const refused = await act('handler.gz', 'edit', { summary: '改一下' });
    expect([refused.status, refused.body.code]).toEqual([409, 'CIRCULAR_PUBLISHED']);
    const [audit] = await db.query(`SELECT after_state FROM audit_records WHERE subject = ? AND action = 'circular.publish'`, [`circular:${id}`]);
    expect(JSON.parse(audit.after_state)).toMatchObject({ status: 'PUBLISHED', contentHash: hash, note: '同意印发' });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM audit_records WHERE subject = ?', [`circular:${id}`]))[0].n)).toBe(4);

    // Out of reach: Hangzhou sees neither the circular nor its files; a host unit has no circulars.
    expect((await http(api.baseUrl, 'GET', `/api/v1/circulars/${id}`, { token: as('handler.hz') })).status).toBe(404);
    expect((await download(api.baseUrl, `/api/v1/circulars/${id}/pdf`, as('handler.hz'))).status).toBe(404);
    expect((await http(api.baseUrl, 'GET', '/api/v1/circulars', { token: as('operator.gz') })).status).toBe(403);
    const list = await http(api.baseUrl, 'GET', '/api/v1/circulars?status=PUBLISHED', { token: as('handler.gz') });
    expect(list.body.items).toContainEqual(expect.objectContaining({ circularId: id, contentHash: hash }));

    // The workbook: one sheet per table, the numbers of the frozen statistics, rates in percent format.
    const xlsx = await download(api.baseUrl, `/api/v1/circulars/${id}/workbook`, as('handler.gz'));
    expect([xlsx.status, xlsx.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['总体情况', '分类情况', '月度情况', '典型案例']);
    const overall = book.getWorksheet('总体情况')!;
    const acceptance = overall.getRows(1, overall.rowCount)!.find((r) => r.getCell(1).value === '受理时限按时办结率')!;
    const expected = published.body.content.total.onTime.find((r: { key: string }) => r.key === 'ACCEPTANCE');
    expect([acceptance.getCell(2).value, acceptance.getCell(3).value, acceptance.getCell(4).value ?? null]).toEqual([expected.numerator, expected.denominator, expected.rate]);
    expect(acceptance.getCell(4).numFmt).toBe('0.0%');
    expect(book.getWorksheet('典型案例')!.getRow(2).getCell(4).value).toBe('政务应用程序：某区通报测试App');

    // The PDF: its text reads back, with the hash of what was published.
    const pdf = await download(api.baseUrl, `/api/v1/circulars/${id}/pdf`, as('handler.gz'));
    expect([pdf.status, pdf.type]).toEqual([200, 'application/pdf']);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    for (const expectedText of ['本月情况通报', '广州市网信办', '总体平稳，个别单位整改滞后。', '某区通报测试App', `SHA-256 ${hash}`]) expect(text).toContain(expectedText);
    expect(text).not.toContain('赵六');
  }, 120_000);

  it('refuses a draft about an organization out of reach, or with a phone number in its text', async () => {
    const base = { title: '通报', period: month, orgId: gzOffice, summary: '总体平稳。', practices: '无。' };
    expect((await http(api.baseUrl, 'POST', '/api/v1/circulars', { token: as('handler.hz'), body: base })).status).toBe(404);
    const phone = await http(api.baseUrl, 'POST', '/api/v1/circulars', { token: as('handler.gz'), body: { ...base, summary: '请联系13800001111。' } });
    expect(phone.status).toBe(400);
    expect(phone.body.details).toEqual([{ field: 'summary', reason: 'summary must not carry phone or ID numbers (7 or more digits in a row)' }]);
  });
});
