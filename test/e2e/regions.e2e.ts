import type { INestApplicationContext } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CaseIntakeEntity, dataSourceOptions } from '@app/database';
import { http, login, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

const complaint = (regionCode: string) => ({
  category: 'FORCED_USE',
  subjectType: 'APP',
  subjectName: '区划测试App',
  regionCode,
  description: '强制要求下载安装并每日登录打卡。',
  anonymous: true,
});

/** The GB/T 2260 list for pickers, and region codes checked against it, on the real API. */
describe('regions', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  it('lists the provinces to anyone, then a province its cities and a city its districts', async () => {
    const provinces = await http(api.baseUrl, 'GET', '/api/v1/regions');
    expect(provinces.status).toBe(200);
    expect(provinces.body).toHaveLength(31);
    expect(provinces.body).toContainEqual({ code: '440000', name: '广东省', level: 'PROVINCE', parentCode: null, hasChildren: true });

    const cities = await http(api.baseUrl, 'GET', '/api/v1/regions?parent=440000');
    expect(cities.body).toContainEqual(expect.objectContaining({ code: '440100', name: '广州市', level: 'CITY', parentCode: '440000' }));
    const districts = await http(api.baseUrl, 'GET', '/api/v1/regions?parent=440100');
    expect(districts.body).toContainEqual({ code: '440105', name: '海珠区', level: 'DISTRICT', parentCode: '440100', hasChildren: false });
    expect((await http(api.baseUrl, 'GET', '/api/v1/regions?parent=440105')).body).toEqual([]);
    expect((await http(api.baseUrl, 'GET', '/api/v1/regions?parent=000000')).body).toEqual(provinces.body);
  });

  it('is cacheable: Cache-Control, an ETag, and 304 for a copy still current', async () => {
    const first = await http(api.baseUrl, 'GET', '/api/v1/regions?parent=440000');
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${api.baseUrl}/api/v1/regions?parent=440000`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    const other = await fetch(`${api.baseUrl}/api/v1/regions?parent=440100`, { headers: { 'if-none-match': etag! } });
    expect(other.status).toBe(200);
  });

  it('answers an unknown parent 404 and a malformed one 400, in the error shape', async () => {
    expect(await http(api.baseUrl, 'GET', '/api/v1/regions?parent=440199')).toMatchObject({ status: 404, body: { statusCode: 404, error: 'Not Found' } });
    expect(await http(api.baseUrl, 'GET', '/api/v1/regions?parent=44')).toMatchObject({ status: 400, body: { statusCode: 400, details: [{ field: 'parent' }] } });
  });

  it('is in the OpenAPI document', () => {
    const document = SwaggerModule.createDocument(api.app, new DocumentBuilder().build());
    expect(Object.keys(document.paths)).toContain('/api/v1/regions');
  });

  it('refuses a complaint in a six-digit code that names no division, even under a served city, and writes nothing', async () => {
    const before = await db.getRepository(CaseIntakeEntity).count();
    for (const code of ['440199', '440198', '449900']) {
      const refused = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint(code) });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([{ field: 'regionCode', reason: expect.stringContaining('GB/T 2260') }]);
    }
    expect(await db.getRepository(CaseIntakeEntity).count()).toBe(before);
  });

  it('still refuses a real division that no cyberspace office serves, and takes one that is served', async () => {
    const unserved = await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint('110101') });
    expect(unserved).toMatchObject({ status: 400, body: { details: [{ field: 'regionCode', reason: 'unknown region' }] } });
    expect((await http(api.baseUrl, 'POST', '/api/v1/complaints', { body: complaint('440105') })).status).toBe(201);
  });

  it('checks the regions of spot-check findings and of new organizations against the list', async () => {
    const inspector = await login(api.baseUrl, 'inspector.gd');
    const finding = await http(api.baseUrl, 'POST', '/api/v1/spot-check-findings', {
      token: inspector,
      body: { subjectType: 'APP', subjectName: '区划测试App', regionCode: '440199', category: 'ZOMBIE_SHELL', severity: 'GENERAL', description: '长期不更新的僵尸应用。' },
    });
    expect(finding).toMatchObject({ status: 400, body: { details: [{ field: 'regionCode' }] } });

    const admin = await login(api.baseUrl, 'admin');
    const organization = await http(api.baseUrl, 'POST', '/api/v1/admin/organizations', { token: admin, body: { name: '虚构区网信办', kind: 'CITY_OFFICE', regionCode: '440399', parentId: 2 } });
    expect(organization).toMatchObject({ status: 400, body: { details: [{ field: 'regionCode' }] } });
  });
});
