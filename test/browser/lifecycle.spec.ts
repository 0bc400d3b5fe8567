import { expect, test, type Page } from '@playwright/test';
import { act, api, choose, loginAs, logout, screenshot } from './support/helpers';

/**
 * The whole lifecycle of the README's "Try it with curl", through the pages, each step as the role that
 * takes it: filed on the phone page, accepted, dispatched and investigated by the handler, signed and
 * rectified by the host unit, approved by the supervisor, answered by the handler, evaluated by the
 * complainant, CLOSED.
 */
test.describe.configure({ mode: 'serial' });

async function pickRegion(page: Page, province: string, city: string, district: string) {
  await page.getByLabel('问题发生地区').selectOption({ label: province });
  await page.getByLabel('城市').selectOption({ label: city });
  await page.getByLabel('区县').selectOption({ label: district });
}

async function expectStep(page: Page, step: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.ant-tag').filter({ hasText: new RegExp(`^${step}$`) }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test('a complaint from the phone page to CLOSED through the console', async ({ page, baseURL }) => {
  // 1. The complainant files on the public page.
  await page.goto('/m/');
  await page.getByRole('button', { name: '我要投诉' }).click();
  await page.getByText('打卡接龙、即时响应').click();
  await expect(page.getByText('不得脱离工作实际强制要求打卡接龙')).toBeVisible();
  await page.getByText('工作群组').click();
  await page.getByLabel('对象名称').fill('某街道工作群（全流程）');
  await pickRegion(page, '广东省', '广州市', '越秀区');
  await page.getByLabel('问题描述').fill('要求每天在工作群打卡接龙并截图上报，占用大量时间。');
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('手机号码').fill('13812345678');
  await page.getByRole('button', { name: '提交投诉' }).click();
  await expect(page.getByText('投诉已提交')).toBeVisible();
  const caseNo = (await page.getByTestId('case-no').innerText()).trim();
  const accessCode = (await page.getByTestId('access-code').innerText()).trim();
  expect(caseNo).toMatch(/^FT/);
  expect(page.url()).not.toContain(accessCode);

  // 2. The handler finds it in the inbox, accepts, dispatches and records the finding.
  await loginAs(page, 'handler.gz');
  const row = page.getByRole('row').filter({ hasText: caseNo });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByText(/剩余|今日到期/)).toBeVisible();
  await row.getByRole('link', { name: caseNo }).click();
  await expect(page.getByRole('heading', { name: caseNo })).toBeVisible();
  const caseId = page.url().split('/cases/')[1];
  await expect(page.getByTestId('complainant')).toContainText('张*');
  await act(page, /^受\s*理$/, () => page.getByLabel('备注').fill('符合受理条件'));
  await expectStep(page, '待交办');
  await act(page, /^交\s*办$/, async () => {
    await choose(page, '调查单位', '广州市网信办');
    await choose(page, '被投诉主办单位', '广州市某区政务服务数据管理局');
  });
  await expectStep(page, '调查核实');
  await act(page, '录入调查结论', async () => {
    await choose(page, '调查结论', /^属实$/);
    await choose(page, '严重程度', /^一般$/);
    await page.getByLabel('调查情况').fill('确有强制打卡接龙');
  });
  await expectStep(page, '整改通知待签收');
  await logout(page);

  // 3. The host unit signs and submits its rectification.
  await loginAs(page, 'operator.gz');
  await page.goto(`/console/cases/${caseId}`);
  await expect(page.getByText('不可见')).toBeVisible(); // never the complainant
  await act(page, '签收整改通知');
  await expectStep(page, '整改中');
  await act(page, '提交整改', async () => {
    await page.getByLabel('整改方案').fill('取消打卡接龙');
    const evidence = page.getByLabel('佐证材料');
    await evidence.fill('整改通知');
    await evidence.press('Enter');
  });
  await expectStep(page, '整改待审核');
  await logout(page);

  // 4. The supervisor approves.
  await loginAs(page, 'supervisor.gz');
  await page.goto(`/console/cases/${caseId}`);
  await act(page, '审核通过（销号）');
  await expectStep(page, '待反馈');
  await logout(page);

  // 5. The handler replies.
  await loginAs(page, 'handler.gz');
  await page.goto(`/console/cases/${caseId}`);
  await act(page, '答复投诉人', () => page.getByLabel('答复内容').fill('已责令取消打卡接龙要求。'));
  await expectStep(page, '待回访评价');
  // Both sides know how long the evaluation stays open.
  await expect(page.getByText(/^回访评价，.+ 前（逾期按未评价办结）$/)).toBeVisible();
  await screenshot(page, 'console-case-detail');
  await logout(page);

  // 6. The complainant reads the reply and is satisfied: the case closes.
  await page.goto('/m/track');
  await page.getByLabel('案件编号').fill(caseNo);
  await page.getByLabel('查询码').fill(accessCode);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('已责令取消打卡接龙要求。').first()).toBeVisible();
  await expect(page.getByText(/^请于 .+ 前评价；/)).toBeVisible();
  await page.getByText('满意', { exact: true }).click();
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('感谢您的评价')).toBeVisible();
  const handler = await api(baseURL!, 'handler.gz');
  await expect.poll(async () => ((await (await handler.get(`/api/v1/cases/${caseId}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe('CLOSED');

  await loginAs(page, 'handler.gz');
  await page.goto(`/console/cases/${caseId}`);
  await expect(page.getByText('已办结').first()).toBeVisible();
  await expect(page.getByText('回访评价').first()).toBeVisible();
  await handler.dispose();
});
