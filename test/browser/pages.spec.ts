import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { api, expectAccessible, fileComplaint, loginAs, pickRegion, screenshot, waitForCase } from './support/helpers';

/** Every page of the console, as the role that uses it: what it shows, an accessibility scan, a screenshot. */

test('login page and the handler inbox: filters, saved filters, deadlines in working days, Excel export', async ({ page, browser, baseURL }) => {
  const filed = await fileComplaint(baseURL!, { subjectName: '某政务App（待办）', category: 'RANKING_ABUSE' });
  await page.goto('/console/login');
  await expectAccessible(page, 'login');
  await screenshot(page, 'console-login');
  await loginAs(page, 'handler.gz');
  const row = page.getByRole('row').filter({ hasText: filed.caseNo });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByText(/剩余 \d+ 个工作日|今日到期/)).toBeVisible();
  await expect(row.getByText('滥用排名')).toBeVisible();
  await page.getByLabel('问题类别').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '滥用排名' }).click();
  await expect(page).toHaveURL(/category=RANKING_ABUSE/);
  await expect(page.getByRole('row').filter({ hasText: '打卡接龙' })).toHaveCount(0);
  await expect(row).toBeVisible();
  await pickRegion(page, '地区', '广州市', '广东省 / 广州市');
  await expect(page).toHaveURL(/regionCode=440100/);
  await expect(row.getByText('广州市 海珠区')).toBeVisible();
  await page.getByLabel('筛选名称').fill('排名类');
  await page.getByRole('button', { name: '保存筛选' }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '排名类' })).toBeVisible();
  await expectAccessible(page, 'inbox');
  await screenshot(page, 'console-inbox');

  // Saved with the account: another browser of the same user has it and applies it.
  const other = await browser.newContext({ baseURL });
  const elsewhere = await other.newPage();
  await loginAs(elsewhere, 'handler.gz');
  await elsewhere.locator('.ant-tag').filter({ hasText: '排名类' }).click();
  await expect(elsewhere).toHaveURL(/category=RANKING_ABUSE/);
  await elsewhere.locator('.ant-tag').filter({ hasText: '排名类' }).locator('.ant-tag-close-icon').click();
  await expect(elsewhere.locator('.ant-tag').filter({ hasText: '排名类' })).toHaveCount(0);
  await other.close();
  await page.reload();
  await expect(page.locator('.c-filters').getByText('暂无')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
});

test('case detail as the handler', async ({ page, baseURL }) => {
  const { caseId } = await fileComplaint(baseURL!, { subjectName: '某街道工作群（详情）' });
  const handler = await api(baseURL!, 'handler.gz');
  await waitForCase(handler, caseId, (c) => c.step === 'SUBMITTED');
  await loginAs(page, 'handler.gz');
  await page.goto(`/console/cases/${caseId}`);
  await expect(page.getByText('可合并的案件')).toBeVisible();
  await expectAccessible(page, 'case detail');
  await page.getByRole('button', { name: /^交\s*办$/ }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '不予受理' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('请选择理由')).toBeVisible();
  await expect(page.getByText('请填写备注')).toBeVisible();
  await expectAccessible(page, 'action form');
  await screenshot(page, 'console-action-form');
  await handler.dispose();
});

test('supervisor: the deadline dashboard clicks through to the list; the review queue; the bell', async ({ page, baseURL }) => {
  const { caseId } = await fileComplaint(baseURL!, { subjectName: '某政务公众号（督办）' });
  const handler = await api(baseURL!, 'handler.gz');
  await waitForCase(handler, caseId, (c) => c.step === 'SUBMITTED');
  const supervisor = await api(baseURL!, 'supervisor.gz');
  // An extension request waits on the supervisor, and tells them so.
  expect((await handler.post(`/api/v1/cases/${caseId}/request-extension`, { data: { days: 2, reason: '材料待补充' } })).status()).toBe(200);
  await loginAs(page, 'supervisor.gz');
  await page.getByRole('link', { name: '时限看板' }).click();
  const chart = page.getByRole('img', { name: /柱状图/ });
  await expect(chart).toBeVisible();
  await expect(page.locator('canvas')).toBeVisible();
  await page.waitForTimeout(800);
  await expectAccessible(page, 'dashboard');
  await screenshot(page, 'console-dashboard');
  const box = (await chart.boundingBox())!;
  // The first stage's bar (待受理) sits left of the middle of the chart.
  await expect(async () => {
    await page.mouse.click(box.x + box.width * 0.14, box.y + box.height * 0.8);
    await expect(page).toHaveURL(/\/console\/?\?.*stage=SUBMITTED/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await page.getByRole('link', { name: '审核队列' }).click();
  await expect(page.getByText('审核队列').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '打开案件审批' }).first()).toBeVisible();
  await expectAccessible(page, 'review queue');

  await expect(page.getByRole('button', { name: /通知，[1-9]\d* 条未读/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /通知，/ }).click();
  await page.getByText('● 延期待审批').first().click();
  await expect(page).toHaveURL(new RegExp(`/console/cases/${caseId}`));
  await page.getByRole('button', { name: '审批延期' }).click();
  await page.getByRole('dialog').getByText('同意', { exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('同意延期').first()).toBeVisible({ timeout: 30_000 });
  await supervisor.dispose();
  await handler.dispose();
});

test('discipline officer: the referral inbox, its package, acknowledge and conclude', async ({ page, baseURL }) => {
  const inspector = await api(baseURL!, 'inspector.gd');
  const res = await inspector.post('/api/v1/spot-check-findings', {
    data: { subjectType: 'APP', subjectName: '某市政务App（抽查）', regionCode: '440100', category: 'MANDATORY_FEATURES', severity: 'DISCIPLINARY', description: '未经审批设置积分排名并公开通报。' },
  });
  expect(res.status()).toBe(201);
  const { caseNo } = (await res.json()) as { caseNo: string };
  await loginAs(page, 'discipline.gz');
  await page.getByRole('link', { name: '移送案件' }).click();
  const row = page.getByRole('row').filter({ hasText: caseNo });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page, 'referrals');
  await screenshot(page, 'console-referrals');
  await row.getByRole('button', { name: '移送材料' }).click();
  await expect(page.getByRole('dialog')).toContainText(caseNo);
  await page.keyboard.press('Escape');
  await row.getByRole('button', { name: /签\s*收/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(row.getByText('已签收，办理中')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole('button', { name: /办\s*结/ }).click();
  await page.getByLabel('问责结果').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '诫勉谈话' }).click();
  await page.getByLabel('处理意见').fill('对主办单位负责人诫勉谈话。');
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(row.getByText('已办结')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await inspector.dispose();
});

test('inspector: spot-check finding entry', async ({ page }) => {
  await loginAs(page, 'inspector.gd');
  await page.getByRole('link', { name: '抽查发现' }).click();
  await page.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page.getByText('请选择问题类别')).toBeVisible();
  await expectAccessible(page, 'spot check');
  await screenshot(page, 'console-spot-check');
  await page.getByLabel('问题类别').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '空壳、僵尸' }).click();
  await page.getByText('政务公众账号').click();
  await page.getByLabel('对象名称').fill('某区政务公众号（抽查）');
  await pickRegion(page, '地区', '广州市', '广东省 / 广州市');
  await page.getByText('一般', { exact: true }).click();
  await page.getByLabel('发现的问题').fill('半年未更新，功能链接均已失效。');
  await page.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page.getByText(/已登记 FT/)).toBeVisible();
});

// The administration pages have their own spec (admin.spec.ts).
