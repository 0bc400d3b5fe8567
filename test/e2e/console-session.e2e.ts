import { DEMO_PASSWORD } from '@app/database';
import { http, login, startApiApp, type RunningApi } from '../support/stack';

/** The console's cookie session and the saved filters that follow a user, on the real API. */
describe('console session and saved filters', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApiApp();
  });

  afterAll(async () => {
    await api?.app.close();
  });

  async function session(username: string): Promise<{ cookie: string; setCookie: string; body: Record<string, unknown> }> {
    const response = await http(api.baseUrl, 'POST', '/api/v1/auth/session', { body: { username, password: DEMO_PASSWORD } });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    return { cookie: setCookie.split(';')[0], setCookie, body: response.body };
  }

  describe('the session cookie', () => {
    it('holds the token where no script can read it, and the answer carries no token', async () => {
      const { cookie, setCookie, body } = await session('handler.gz');
      expect(cookie).toMatch(/^ft_session=[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Strict/);
      expect(setCookie).toMatch(/; Path=\/api(;|$)/);
      expect(body).toEqual({ expiresIn: expect.any(Number), username: 'handler.gz', role: 'HANDLER', organizationId: expect.any(Number) });
      expect(JSON.stringify(body)).not.toMatch(/eyJ/);
    });

    it('signs reads by itself, and writes only with X-Requested-With', async () => {
      const { cookie } = await session('handler.gz');
      expect((await http(api.baseUrl, 'GET', '/api/v1/cases', { headers: { cookie } })).status).toBe(200);
      expect((await http(api.baseUrl, 'GET', '/api/v1/cases')).status).toBe(401);

      const filter = { name: '跨站', filters: { stage: 'ACCEPTED' } };
      const forged = await http(api.baseUrl, 'POST', '/api/v1/me/saved-filters', { headers: { cookie }, body: filter });
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('CSRF_HEADER_MISSING');
      expect((await http(api.baseUrl, 'GET', '/api/v1/me/saved-filters', { headers: { cookie } })).body).toEqual([]);

      const own = await http(api.baseUrl, 'POST', '/api/v1/me/saved-filters', { headers: { cookie, 'x-requested-with': 'fetch' }, body: filter });
      expect(own.status).toBe(200);
      await http(api.baseUrl, 'DELETE', `/api/v1/me/saved-filters/${own.body.id}`, { headers: { cookie, 'x-requested-with': 'fetch' } });
    });

    it('refuses a malformed or forged cookie, and a bearer token still works on its own', async () => {
      const { cookie } = await session('handler.gz');
      const [, token] = cookie.split('=');
      const [header, payload, signature] = token.split('.');
      const otherRole = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' })).toString('base64url');
      for (const bad of ['ft_session=nonsense', `ft_session=${header}.${otherRole}.${signature}`, `ft_session=${token}x`]) {
        const response = await http(api.baseUrl, 'GET', '/api/v1/cases', { headers: { cookie: bad } });
        expect(`${bad.slice(0, 30)}: ${response.status}`).toBe(`${bad.slice(0, 30)}: 401`);
      }
      expect((await http(api.baseUrl, 'GET', '/api/v1/cases', { token: await login(api.baseUrl, 'supervisor.gz') })).status).toBe(200);
    });

    it('is cleared by signing out', async () => {
      const response = await http(api.baseUrl, 'DELETE', '/api/v1/auth/session');
      expect(response.status).toBe(204);
      expect(response.headers.get('set-cookie')).toMatch(/^ft_session=;.*Expires=Thu, 01 Jan 1970/);
    });
  });

  describe('saved filters', () => {
    let handler: string;
    let supervisor: string;
    const save = (token: string, body: unknown) => http(api.baseUrl, 'POST', '/api/v1/me/saved-filters', { token, body });
    const list = async (token: string) => (await http(api.baseUrl, 'GET', '/api/v1/me/saved-filters', { token })).body as { id: number; name: string; filters: unknown }[];

    beforeAll(async () => {
      handler = await login(api.baseUrl, 'handler.gz');
      supervisor = await login(api.baseUrl, 'supervisor.gz');
    });

    it('keeps a filter per user under its name, replacing one of the same name', async () => {
      const first = await save(handler, { name: ' 整改超期 ', filters: { stage: 'RECTIFYING', overdue: true, regionCode: '440100' } });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ name: '整改超期', filters: { stage: 'RECTIFYING', overdue: true, regionCode: '440100' } });
      const replaced = await save(handler, { name: '整改超期', filters: { stage: 'RECTIFYING', assignee: 'me' } });
      expect(replaced.body.id).toBe(first.body.id);
      expect(await list(handler)).toEqual([expect.objectContaining({ id: first.body.id, name: '整改超期', filters: { stage: 'RECTIFYING', assignee: 'me' } })]);

      // Another user neither sees nor removes it.
      expect(await list(supervisor)).toEqual([]);
      expect((await http(api.baseUrl, 'DELETE', `/api/v1/me/saved-filters/${first.body.id}`, { token: supervisor })).status).toBe(404);
      expect((await http(api.baseUrl, 'DELETE', `/api/v1/me/saved-filters/${first.body.id}`, { token: handler })).status).toBe(204);
      expect(await list(handler)).toEqual([]);
    });

    it('refuses what the case list would refuse, blank names and empty filters', async () => {
      for (const body of [
        { name: 'x', filters: { stage: 'NOPE' } },
        { name: 'x', filters: { regionCode: '4401' } },
        { name: 'x', filters: { page: 3 } },
        { name: 'x', filters: { stage: 'ACCEPTED', secret: 'y' } },
        { name: 'x', filters: {} },
        { name: '   ', filters: { stage: 'ACCEPTED' } },
        { name: '名'.repeat(21), filters: { stage: 'ACCEPTED' } },
      ]) {
        const response = await save(handler, body);
        expect(`${JSON.stringify(body)}: ${response.status}`).toBe(`${JSON.stringify(body)}: 400`);
      }
      expect(await list(handler)).toEqual([]);
    });

    it(`stops at twenty filters a user, with the reason in Chinese`, async () => {
      for (let i = 1; i <= 20; i++) expect((await save(supervisor, { name: `筛选${i}`, filters: { status: 'OPEN' } })).status).toBe(200);
      const full = await save(supervisor, { name: '第二十一个', filters: { status: 'OPEN' } });
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('SAVED_FILTERS_FULL');
      // Replacing one of the twenty is still fine.
      expect((await save(supervisor, { name: '筛选1', filters: { status: 'CLOSED' } })).status).toBe(200);
      expect(await list(supervisor)).toHaveLength(20);
    });
  });
});
