import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const PASSWORD = 'Demo#2026';
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');

/** Signs in through the login page. */
export async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(`${username}（`)).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
}

/** Picks an option of an antd Select found by its form label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: typeof label === 'string' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Picks a region in a region picker (a Cascader) by searching its name and taking the path shown. */
export async function pickRegion(page: Page, label: string, search: string, path: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(search);
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: new RegExp(`^${path}$`) }).click();
}

/** Opens the action's form on the case page, fills it and sends it; waits for the form to close. */
export async function act(page: Page, button: string | RegExp, fill: () => Promise<void> = async () => undefined): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill();
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

/** The API for setting up and checking what the pages cannot show. */
export async function api(baseURL: string, username?: string): Promise<APIRequestContext> {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  if (!username) return anonymous;
  const res = await anonymous.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  const { accessToken } = (await res.json()) as { accessToken: string };
  await anonymous.dispose();
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${accessToken}` } });
}

/** Polls the case until the check passes (the projection is written just after an action). */
export async function waitForCase(client: APIRequestContext, caseId: string, check: (c: { step: string; status: string }) => boolean): Promise<void> {
  await expect.poll(async () => check((await (await client.get(`/api/v1/cases/${caseId}`)).json()) as { step: string; status: string }), { timeout: 30_000 }).toBe(true);
}

/** A complaint filed through the API, for tests that start later in the lifecycle. */
export async function fileComplaint(baseURL: string, overrides: Record<string, unknown> = {}): Promise<{ caseId: string; caseNo: string; accessCode: string }> {
  const client = await api(baseURL);
  const res = await client.post('/api/v1/complaints', {
    data: { category: 'FORCED_CHECKIN', subjectType: 'WORK_GROUP', subjectName: '某街道工作群', regionCode: '440105', description: '要求每天在工作群打卡接龙并截图上报。', anonymous: false, complainant: { name: '张三', phone: '13812345678' }, ...overrides },
  });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { caseId: string; caseNo: string; accessCode: string };
  await client.dispose();
  return body;
}

/** Writes a screenshot of the page for people to look at (test/browser/screenshots, git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** No serious or critical accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
