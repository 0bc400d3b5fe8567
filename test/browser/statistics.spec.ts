import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { api, expectAccessible, fileComplaint, loginAs, logout, screenshot, waitForCase } from './support/helpers';

const month = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

test('statistics: rates with their numbers, and the cases behind a number', async ({ page, baseURL }) => {
  const filed = await fileComplaint(baseURL!, { subjectName: '某政务App（统计）', category: 'DUPLICATE_REPORTING' });
  const handler = await api(baseURL!, 'handler.gz');
  await waitForCase(handler, filed.caseId, (c) => c.step === 'SUBMITTED');
  expect((await handler.post(`/api/v1/cases/${filed.caseId}/accept`, { data: { note: '受理' } })).status()).toBe(200);
  await waitForCase(handler, filed.caseId, (c) => c.step === 'ACCEPTED');

  await loginAs(page, 'supervisor.gz');
  await page.getByRole('link', { name: '统计分析' }).click();
  await page.getByLabel('统计期间').fill(month());
  await page.getByLabel('统计期间').press('Enter');
  await expect(page).toHaveURL(new RegExp(`period=${month()}`));
  const acceptance = page.getByRole('row').filter({ hasText: '受理时限按时办结率' });
  await expect(acceptance).toBeVisible();
  await expect(page.getByRole('img', { name: '各环节按时办结率' })).toBeVisible();
  await expectAccessible(page, 'statistics');
  await screenshot(page, 'console-statistics');

  // The denominator of acceptance on time: the accepted case is among the cases behind it.
  await acceptance.getByRole('button').nth(1).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('link', { name: filed.caseNo })).toBeVisible();
});

test('circulars: drafted by a handler, reviewed and published by a supervisor, downloaded', async ({ page }) => {
  await loginAs(page, 'handler.gz');
  await page.getByRole('link', { name: '情况通报' }).click();
  await page.getByRole('button', { name: '起草通报' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('标题').fill('浏览器测试情况通报');
  await form.getByLabel('期间（默认上月）').fill(month());
  await form.getByLabel('总体情况').fill('总体平稳。');
  await form.getByLabel('经验做法').fill('推行“一表通”。');
  await form.getByRole('button', { name: /起\s*草/ }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText('草稿')).toBeVisible();
  await expect(drawer.getByRole('img', { name: '督办、整改、满意等比率' })).toBeVisible();
  // A handler drafts but does not review or publish.
  await expect(drawer.getByRole('button', { name: /审\s*核/ })).toHaveCount(0);
  await expectAccessible(page, 'circular draft');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-title')).toBeHidden();
  await logout(page);

  await loginAs(page, 'supervisor.gz');
  await page.getByRole('link', { name: '情况通报' }).click();
  await page.getByRole('button', { name: '浏览器测试情况通报' }).first().click();
  await drawer.getByRole('button', { name: /审\s*核/ }).click();
  await expect(drawer.getByText('已审核', { exact: true })).toBeVisible();
  const publish = drawer.getByRole('button', { name: /发\s*布/ });
  // Still loading from the review for a moment: a click then would be ignored.
  await expect(publish).not.toHaveClass(/ant-btn-loading/);
  await publish.click();
  await expect(drawer.getByText('内容摘要 SHA-256')).toBeVisible();
  await screenshot(page, 'console-circular');
  const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: '下载 PDF' }).click()]);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
});
