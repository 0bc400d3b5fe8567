import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { api, expectAccessible, screenshot, SCREENSHOTS } from './support/helpers';

/** The phone page's name field suggests registered apps and accounts, and a pick links the complaint to the entry. */
test('a complaint on the phone names a registered app picked from the suggestions', async ({ page, baseURL }) => {
  const run = Date.now().toString(36).slice(-5);
  const admin = await api(baseURL!, 'admin');
  const created = await admin.post('/api/v1/registry', {
    data: { name: `穗手机办${run}`, kind: 'APP', platform: 'ANDROID_IOS', hostUnitId: 7, regionCode: '440106', icpFiling: `粤ICP备20${String(Date.now()).slice(-8)}号-1A`, status: 'ACTIVE', features: [] },
  });
  expect(created.status()).toBe(201);
  const entry = (await created.json()) as { id: number; name: string };

  await page.goto('/m/');
  await page.getByRole('button', { name: '我要投诉' }).click();
  await page.getByText('强制使用').first().click();
  await page.getByText('政务应用程序').click();
  await page.getByLabel('对象名称').fill(`手机办${run}`);
  const option = page.getByRole('option', { name: new RegExp(entry.name) });
  await expect(option).toBeVisible();
  await expect(option).toContainText('广州市某区政务服务数据管理局');
  await screenshot(page, 'phone-registry-lookup');
  // The field and its suggestions at the phone's real size, for a closer look than the whole page.
  await page.locator('.m-card').filter({ has: page.getByLabel('对象名称') }).screenshot({ path: join(SCREENSHOTS, 'phone-registry-lookup-field.png') });
  await expectAccessible(page, 'phone lookup');
  await option.click();
  await expect(page.getByLabel('对象名称')).toHaveValue(entry.name);
  await expect(page.getByTestId('linked-entry')).toContainText(entry.name);
  // The entry's region fills the region, since none was chosen.
  await expect(page.getByLabel('区县')).toHaveValue('440106');
  await page.getByLabel('问题描述').fill('要求每天登录App签到并截图上报。');
  await page.getByLabel('匿名投诉').click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: '提交投诉' }).click();
  await expect(page.getByText('投诉已提交')).toBeVisible();

  const handler = await api(baseURL!, 'handler.gz');
  await expect.poll(async () => ((await (await handler.get(`/api/v1/registry/${entry.id}/cases`)).json()) as { total: number }).total, { timeout: 30_000 }).toBe(1);
  await admin.dispose();
  await handler.dispose();
});
