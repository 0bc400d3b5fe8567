import { expect, test } from '@playwright/test';
import { api, expectAccessible, fileComplaint, loginAs, logout, screenshot, waitForCase } from './support/helpers';

/** A 1×1 PNG: what the pages upload (the server re-encodes it). */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Evidence in the pages: the complainant adds a screenshot on the phone page, the handler sees and
 * downloads it, the host unit does not see it and attaches its own rectification evidence.
 */
test('a screenshot from the phone page, rectification evidence from the host unit, each seen where it may be', async ({ page, baseURL }) => {
  const { caseId, caseNo, accessCode } = await fileComplaint(baseURL!, { subjectName: '某街道工作群（证据材料）' });
  const handler = await api(baseURL!, 'handler.gz');
  await waitForCase(handler, caseId, (c) => c.step === 'SUBMITTED');

  // The complainant, on the progress page: the screenshot goes with the number and code it already holds.
  await page.goto('/m/');
  await page.getByRole('button', { name: /查询办理进度/ }).click();
  await page.getByLabel('案件编号').fill(caseNo);
  await page.getByLabel('查询码').fill(accessCode);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByLabel('选择截图或照片').setInputFiles({ name: '群聊截图.png', mimeType: 'image/png', buffer: PIXEL });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await expect(page.getByText('已上传 1 张，已附在您的投诉中')).toBeVisible();
  expect(page.url()).not.toContain(accessCode);

  // The handler sees it on the case page and downloads it through a signed link.
  await loginAs(page, 'handler.gz');
  await page.goto(`/console/cases/${caseId}`);
  const evidence = page.locator('.ant-card').filter({ has: page.getByText('证据材料', { exact: true }) });
  await expect(evidence.getByRole('row').filter({ hasText: '群聊截图.png' })).toContainText('投诉人');
  const downloading = page.waitForEvent('download');
  await evidence.getByRole('button', { name: /下\s*载/ }).first().click();
  expect((await downloading).suggestedFilename()).toBe('群聊截图.png');
  await expectAccessible(page, 'case detail with evidence');
  await screenshot(page, 'console-case-evidence');

  // Dispatched and found substantiated: the host unit's turn. It does not see the complainant's screenshot.
  for (const [action, body] of [
    ['accept', {}],
    ['dispatch', { investigatingOrgId: 5, hostUnitId: 7 }],
    ['finding', { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确有强制打卡接龙' }],
  ] as const) {
    expect((await handler.post(`/api/v1/cases/${caseId}/${action}`, { data: body })).status()).toBe(200);
  }
  await logout(page);
  await loginAs(page, 'operator.gz');
  await page.goto(`/console/cases/${caseId}`);
  await expect(evidence.getByText('暂无证据材料')).toBeVisible();
  await evidence.locator('input[type=file]').setInputFiles({ name: '整改通知.png', mimeType: 'image/png', buffer: PIXEL });
  await evidence.getByRole('button', { name: '上传证据材料' }).click();
  await expect(evidence.getByRole('row').filter({ hasText: '整改通知.png' })).toContainText('主办单位');
  await expect(evidence.getByText('群聊截图.png')).toHaveCount(0);
  await handler.dispose();
});
