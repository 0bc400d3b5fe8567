import type { INestApplicationContext } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { AuditRecordEntity } from '@app/audit';
import { loadConfig } from '@app/config';
import { dataSourceOptions, EvidenceFileEntity, NotificationEntity, OrganizationEntity, ReferralEntity, UserEntity } from '@app/database';
import { ContentStore } from '@app/storage';
import { EvidenceUploadsService } from '../../apps/api/src/evidence/evidence-uploads.service';
import { manifestHashes, pdfText } from '../support/pdf-text';
import { eventually, http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const GPS_IFD_TAG = Buffer.from([0x25, 0x88]);

/** A phone screenshot as JPEG with the EXIF a phone writes: camera, and the GPS position where it was taken. */
const screenshot = () =>
  sharp({ create: { width: 120, height: 90, channels: 3, background: { r: randomInt(256), g: randomInt(256), b: randomInt(256) } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 15/1 0/1' } })
    .toBuffer();
const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: randomInt(256), g: randomInt(256), b: randomInt(256) } } }).png().toBuffer();
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

interface Sent {
  name: string;
  bytes: Buffer;
  type?: string;
}

/** Evidence end to end: uploads by each role, who sees what, signed downloads, integrity, and the referral package. */
describe('evidence files through the API', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let org: Record<string, number>;
  const storageDir = loadConfig().STORAGE_DIR;

  const as = (user: string) => tokens[user];
  const act = async (user: string, caseId: string, action: string, body: unknown = {}) => {
    const response = await http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: as(user), body });
    expect({ action, status: response.status }).toEqual({ action, status: 200 });
    return response.body;
  };

  async function upload(path: string, files: Sent[], fields: Record<string, string> = {}, user?: string) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
    const response = await fetch(`${api.baseUrl}${path}`, { method: 'POST', body: form, headers: user ? { authorization: `Bearer ${as(user)}` } : {} });
    return { status: response.status, body: (await response.json()) as any };
  }

  const list = (user: string, caseId: string) => http(api.baseUrl, 'GET', `/api/v1/cases/${caseId}/evidence`, { token: as(user) });
  const linkFor = (user: string, caseId: string, fileId: string) => http(api.baseUrl, 'POST', `/api/v1/cases/${caseId}/evidence/${fileId}/link`, { token: as(user) });
  async function download(url: string) {
    const response = await fetch(`${api.baseUrl}${url}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  }
  async function fetchAs(user: string, caseId: string, fileId: string) {
    const link = await linkFor(user, caseId, fileId);
    expect(link.status).toBe(200);
    return download(link.body.url);
  }
  /** The stored objects' keys, to see that a refused upload leaves no bytes behind. */
  const storedObjects = async () => new Set((await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name)).map((e) => e.name));
  /** Objects stored since `before` that no file and no referral package names (other tests' workers may store packages meanwhile). */
  async function orphansSince(before: Set<string>): Promise<string[]> {
    const orphans: string[] = [];
    for (const sha256 of await storedObjects()) {
      if (before.has(sha256)) continue;
      const named = (await db.getRepository(EvidenceFileEntity).countBy({ sha256 })) + (await db.getRepository(ReferralEntity).countBy({ packageSha256: sha256 }));
      if (named === 0) orphans.push(sha256);
    }
    return orphans;
  }
  const rowsOf = (caseId: string) => db.getRepository(EvidenceFileEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });

  async function submit(subjectName: string) {
    const created = await http(api.baseUrl, 'POST', '/api/v1/complaints', {
      body: { category: 'FORCED_CHECKIN', subjectType: 'WORK_GROUP', subjectName, regionCode: '440104', description: '要求每天在工作群打卡接龙并截图上报。', anonymous: false, complainant: { name: '李四', phone: '13900001111' } },
    });
    expect(created.status).toBe(201);
    await eventually(async () => {
      const detail = await http(api.baseUrl, 'GET', `/api/v1/cases/${created.body.caseId}`, { token: as('handler.gz') });
      if (detail.status !== 200 || !detail.body.deadlineAt) throw new Error('not projected yet');
    });
    return created.body as { caseId: string; caseNo: string; accessCode: string };
  }

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    for (const user of ['handler.gz', 'handler.hz', 'supervisor.gz', 'operator.gz', 'discipline.gz', 'discipline.gd']) tokens[user] = await login(api.baseUrl, user);
    const orgs = await db.getRepository(OrganizationEntity).find();
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    org = { gz: id('广州市网信办'), gzHost: id('广州市某区政务服务数据管理局') };
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('takes a screenshot, rectification evidence and a referral package through a case, each seen only where it may be', async () => {
    const { caseId, caseNo, accessCode } = await submit('某街道打卡接龙群');
    const publicUpload = (files: Sent[], code = accessCode) => upload(`/api/v1/public/cases/${caseNo}/evidence`, files, { accessCode: code });

    // The complainant, right after filing: the access code goes in the form; a wrong one answers as an unknown case.
    const photo = await screenshot();
    expect((await publicUpload([{ name: 'x.jpg', bytes: photo }], 'WRONGCODE1')).status).toBe(404);
    const notAnImage = await publicUpload([{ name: '截图.png', bytes: Buffer.from('MZ this is a program, not a screenshot'), type: 'image/png' }]);
    expect(notAnImage).toMatchObject({ status: 400, body: { code: 'EVIDENCE_TYPE_NOT_ALLOWED', params: ['1'] } });
    expect(await rowsOf(caseId)).toEqual([]);
    const sent = await publicUpload([{ name: '群聊截图.jpg', bytes: photo, type: 'image/jpeg' }]);
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual([{ name: '群聊截图.jpg', mimeType: 'image/jpeg', sizeBytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const screenshotSha = sent.body[0].sha256 as string;
    expect(screenshotSha).not.toBe(sha256(photo)); // re-encoded: not the bytes that were sent

    // The handler sees it and downloads it through a signed link: the recorded bytes, without EXIF or GPS; audited.
    const handlerList = await list('handler.gz', caseId);
    expect(handlerList.body).toEqual([expect.objectContaining({ owner: 'COMPLAINANT', sha256: screenshotSha, name: '群聊截图.jpg', forwarded: false, eventSeq: expect.any(Number) })]);
    const complainantFileId = handlerList.body[0].id as string;
    const got = await fetchAs('handler.gz', caseId, complainantFileId);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toContain('image/jpeg');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(sha256(got.bytes)).toBe(screenshotSha);
    expect((await sharp(got.bytes).metadata()).exif).toBeUndefined();
    expect(got.bytes.includes(GPS_IFD_TAG) || got.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    const downloads = await db.getRepository(AuditRecordEntity).findBy({ caseId, action: 'evidence.DOWNLOADED' });
    expect(downloads.map((r) => r.actorRole)).toEqual(['HANDLER']);
    // Another city's office: the same 404 as a case that does not exist.
    expect((await list('handler.hz', caseId)).status).toBe(404);
    expect((await linkFor('handler.hz', caseId, complainantFileId)).status).toBe(404);

    await act('handler.gz', caseId, 'accept');
    await act('handler.gz', caseId, 'dispatch', { investigatingOrgId: org.gz, hostUnitId: org.gzHost });
    await act('handler.gz', caseId, 'finding', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确有强制打卡接龙' });

    // The host unit never sees the complainant's screenshot...
    expect((await list('operator.gz', caseId)).body).toEqual([]);
    expect((await linkFor('operator.gz', caseId, complainantFileId)).status).toBe(404);
    // ...unless a handler forwards a redacted copy.
    const redacted = await upload(`/api/v1/cases/${caseId}/evidence`, [{ name: '截图（已遮挡）.png', bytes: await png() }], { forwarded: 'true', note: '已遮挡头像和昵称' }, 'handler.gz');
    expect(redacted).toMatchObject({ status: 201, body: [{ owner: 'HANDLER', forwarded: true, mimeType: 'image/png' }] });
    expect((await list('operator.gz', caseId)).body.map((f: { id: string }) => f.id)).toEqual([redacted.body[0].id]);
    expect(sha256((await fetchAs('operator.gz', caseId, redacted.body[0].id)).bytes)).toBe(redacted.body[0].sha256);
    // Only a handler forwards: refused by the workflow, and nothing is left behind.
    const before = (await rowsOf(caseId)).length;
    const objectsBefore = await storedObjects();
    const badForward = await upload(`/api/v1/cases/${caseId}/evidence`, [{ name: 'n.png', bytes: await png() }], { forwarded: 'true' }, 'supervisor.gz');
    expect(badForward).toMatchObject({ status: 409, body: { code: 'EVIDENCE_FORWARD_HANDLER_ONLY' } });
    expect((await rowsOf(caseId)).length).toBe(before);
    expect(await orphansSince(objectsBefore)).toEqual([]);

    // Rectification evidence from the host unit, the supervisor's review note.
    const notice = pdf('整改通知');
    const rectification = await upload(`/api/v1/cases/${caseId}/evidence`, [{ name: '整改通知.pdf', bytes: notice }], { note: '整改通知' }, 'operator.gz');
    expect(rectification).toMatchObject({ status: 201, body: [{ owner: 'HOST_UNIT', mimeType: 'application/pdf', sha256: sha256(notice), name: '整改通知.pdf' }] });
    await act('operator.gz', caseId, 'sign');
    const groupRules = await upload(`/api/v1/cases/${caseId}/evidence`, [{ name: '群规修改.png', bytes: await png() }], {}, 'operator.gz');
    expect(groupRules.status).toBe(201);
    await act('operator.gz', caseId, 'submit-rectification', { plan: '取消打卡接龙', evidence: ['整改通知.pdf', '群规修改.png'] });
    expect((await upload(`/api/v1/cases/${caseId}/evidence`, [{ name: '审核意见.png', bytes: await png() }], {}, 'supervisor.gz')).status).toBe(201);
    await act('supervisor.gz', caseId, 'approve-rectification');
    await act('handler.gz', caseId, 'reply', { content: '已责令取消打卡接龙。' });
    const unsatisfied = await http(api.baseUrl, 'POST', `/api/v1/public/cases/${caseNo}/evaluation`, { body: { accessCode, satisfaction: 'UNSATISFIED' } });
    expect(unsatisfied.status).toBe(200);

    // Reopened: the host unit's time to attach is over, and its refused upload leaves nothing.
    const count = (await rowsOf(caseId)).length;
    const objectsBeforeLate = await storedObjects();
    const late = await upload(`/api/v1/cases/${caseId}/evidence`, [{ name: 'late.png', bytes: await png() }], {}, 'operator.gz');
    expect(late).toMatchObject({ status: 409, body: { code: 'EVIDENCE_HOST_UNIT_STEP' } });
    expect((await rowsOf(caseId)).length).toBe(count);
    expect((await rowsOf(caseId)).every((r) => r.state === 'ATTACHED')).toBe(true);
    expect(await orphansSince(objectsBeforeLate)).toEqual([]);

    // A serious finding on reinvestigation refers the case; the worker builds the package.
    await act('handler.gz', caseId, 'finding', { result: 'SUBSTANTIATED', severity: 'SERIOUS', summary: '打卡接龙反复出现，严重加重基层负担' });
    const referral = await eventually(async () => {
      // Other test files refer cases to the same body: the largest page, newest last.
      const inbox = await http(api.baseUrl, 'GET', '/api/v1/referrals?pageSize=100', { token: as('discipline.gz') });
      const found = inbox.body.items.find((r: { caseId: string }) => r.caseId === caseId);
      if (!found?.packageSha256) throw new Error(`package not built yet: ${found ? 'referral without package' : `no referral among ${inbox.body.total}`}`);
      return found as { id: string; packageSha256: string; packageSize: number };
    }, 60_000);

    // The discipline officer downloads the package; the manifest lists every attached file, and each file's bytes match.
    const link = await http(api.baseUrl, 'POST', `/api/v1/referrals/${referral.id}/package/link`, { token: as('discipline.gz') });
    expect(link.status).toBe(200);
    const pkg = await download(link.body.url);
    expect(pkg.status).toBe(200);
    expect(pkg.headers.get('content-type')).toContain('application/pdf');
    expect(sha256(pkg.bytes)).toBe(referral.packageSha256);
    expect(pkg.bytes.length).toBe(referral.packageSize);
    const text = await pdfText(pkg.bytes);
    expect(text).toContain(caseNo);
    expect(text).not.toContain('李四');
    expect(text).not.toContain('13900001111');
    const attached = await rowsOf(caseId);
    expect(attached).toHaveLength(5);
    expect(manifestHashes(text).sort()).toEqual(attached.map((r) => r.sha256).sort());
    for (const row of attached) expect(sha256((await fetchAs('discipline.gz', caseId, row.id)).bytes)).toBe(row.sha256);

    // Another discipline body, and a host unit, get no package.
    expect((await http(api.baseUrl, 'POST', `/api/v1/referrals/${referral.id}/package/link`, { token: as('discipline.gd') })).status).toBe(404);
    expect((await http(api.baseUrl, 'POST', `/api/v1/referrals/${referral.id}/package/link`, { token: as('operator.gz') })).status).toBe(403);

    // The trail: each attaching event with its files' hashes, the package's own hash.
    const audit = db.getRepository(AuditRecordEntity);
    const attachedRecords = await audit.findBy({ caseId, action: 'case.EVIDENCE_ATTACHED' });
    const audited = attachedRecords.flatMap((r) => (JSON.parse(r.afterState!) as { attachments: { sha256: string }[] }).attachments.map((a) => a.sha256));
    const forwardRecords = await audit.findBy({ caseId, action: 'case.EVIDENCE_FORWARDED' });
    audited.push(...forwardRecords.flatMap((r) => (JSON.parse(r.afterState!) as { attachments: { sha256: string }[] }).attachments.map((a) => a.sha256)));
    expect(audited.sort()).toEqual(attached.map((r) => r.sha256).sort());
    const built = await audit.findOneByOrFail({ caseId, action: 'referral.PACKAGE_BUILT' });
    expect(JSON.parse(built.afterState!)).toEqual({ sha256: referral.packageSha256, sizeBytes: referral.packageSize });
    expect((await audit.findBy({ caseId, action: 'referral.PACKAGE_DOWNLOADED' })).map((r) => r.actorRole)).toEqual(['DISCIPLINE_OFFICER']);
  });

  it('refuses and reports a file whose stored bytes no longer match their hash, and any link that was not signed as given', async () => {
    const { caseId, caseNo, accessCode } = await submit('某街道打卡接龙群二');
    const sent = await eventually(async () => {
      const response = await upload(`/api/v1/public/cases/${caseNo}/evidence`, [{ name: 'shot.jpg', bytes: await screenshot() }], { accessCode });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return response.body[0] as { sha256: string };
    });
    const [row] = await rowsOf(caseId);

    // Someone with access to the disk replaces the file.
    await writeFile(join(storageDir, sent.sha256.slice(0, 2), sent.sha256.slice(2, 4), sent.sha256), await png());
    const refused = await fetchAs('handler.gz', caseId, row.id);
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'EVIDENCE_INTEGRITY' });
    const reported = await db.getRepository(AuditRecordEntity).findOneByOrFail({ caseId, action: 'evidence.INTEGRITY_FAILED' });
    expect(JSON.parse(reported.afterState!)).toMatchObject({ expected: sent.sha256 });
    const supervisor = await db.getRepository(UserEntity).findOneByOrFail({ username: 'supervisor.gz' });
    expect(await db.getRepository(NotificationEntity).findBy({ caseId, userId: supervisor.id, notice: 'EVIDENCE_INTEGRITY' })).toHaveLength(1);

    // A link changed by hand, or made up, serves nothing.
    const link = (await linkFor('handler.gz', caseId, row.id)).body.url as string;
    const forged = await download(link.replace(/token=([^.]+)\.(.+)$/, (_m, payload: string) => `token=${payload}.${'A'.repeat(43)}`));
    expect(forged.status).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'DOWNLOAD_LINK_INVALID' });
    expect((await download('/api/v1/evidence/download?token=nothing')).status).toBe(403);
  });

  it('holds uploads to the limits, by content, with a clear code for each refusal', async () => {
    const { caseId } = await submit('某街道打卡接龙群三');
    const staffUpload = (files: Sent[]) => upload(`/api/v1/cases/${caseId}/evidence`, files, {}, 'handler.gz');
    expect(await staffUpload([])).toMatchObject({ status: 400, body: { code: 'EVIDENCE_NONE' } });
    const six = await Promise.all(Array.from({ length: 6 }, async (_, i) => ({ name: `${i}.png`, bytes: await png() })));
    expect(await staffUpload(six)).toMatchObject({ status: 400, body: { code: 'EVIDENCE_TOO_MANY_FILES' } });
    expect(await staffUpload([{ name: 'big.pdf', bytes: Buffer.concat([pdf('big'), Buffer.alloc(10 * 1024 * 1024)]) }])).toMatchObject({ status: 413, body: { code: 'EVIDENCE_FILE_TOO_LARGE' } });
    expect(await staffUpload([{ name: 'page.html', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png' }])).toMatchObject({ status: 400, body: { code: 'EVIDENCE_TYPE_NOT_ALLOWED' } });
    expect(await staffUpload([{ name: 'a.png', bytes: await png() }])).toMatchObject({ status: 201 });
    // A form that is not one: the wrong field, a broken body; refused in the one error shape, never a 500.
    const wrongField = new FormData();
    wrongField.append('file', new Blob([new Uint8Array(await png())]), 'a.png');
    const misnamed = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/evidence`, { method: 'POST', body: wrongField, headers: { authorization: `Bearer ${as('handler.gz')}` } });
    expect({ status: misnamed.status, code: ((await misnamed.json()) as { code: string }).code }).toEqual({ status: 400, code: 'EVIDENCE_UNEXPECTED_FIELD' });
    const broken = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/evidence`, {
      method: 'POST',
      body: '--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nnot finished',
      headers: { authorization: `Bearer ${as('handler.gz')}`, 'content-type': 'multipart/form-data; boundary=xyz' },
    });
    expect({ status: broken.status, code: ((await broken.json()) as { code: string }).code }).toEqual({ status: 400, code: 'EVIDENCE_UNEXPECTED_FIELD' });
    // Only the one good upload is there.
    expect((await rowsOf(caseId)).map((r) => r.state)).toEqual(['ATTACHED']);
  });

  it('sweeps uploads whose action never came back, keeping bytes another file still names', async () => {
    const { caseId } = await submit('某街道打卡接龙群四');
    const attached = await upload(`/api/v1/cases/${caseId}/evidence`, [{ name: 'kept.png', bytes: await png() }], {}, 'handler.gz');
    expect(attached.status).toBe(201);
    const store = api.app.get(ContentStore);
    const lostBytes = await png();
    const lostSha = await store.put(lostBytes);
    const files = db.getRepository(EvidenceFileEntity);
    const hourAgo = new Date(Date.now() - 61 * 60_000);
    const pending = (id: string, sha: string) => ({ id, caseId, sha256: sha, sizeBytes: 1, mimeType: 'image/png', originalName: 'x.png', owner: 'HANDLER' as const, forwarded: false, uploadedByUserId: null, uploadedByOrgId: null, state: 'PENDING' as const, eventSeq: null, createdAt: hourAgo, attachedAt: null });
    // Two lost uploads: one with bytes of its own, one with the same bytes as the attached file.
    await files.insert([pending('00000000-0000-4000-8000-0000000000a1', lostSha), pending('00000000-0000-4000-8000-0000000000a2', attached.body[0].sha256)]);
    const path = (sha: string) => join(storageDir, sha.slice(0, 2), sha.slice(2, 4), sha);

    expect(await api.app.get(EvidenceUploadsService).sweepPending()).toBe(2);
    expect((await rowsOf(caseId)).map((r) => r.state)).toEqual(['ATTACHED']);
    expect(existsSync(path(lostSha))).toBe(false);
    expect(existsSync(path(attached.body[0].sha256))).toBe(true);
  });
});
