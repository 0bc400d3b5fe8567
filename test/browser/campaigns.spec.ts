import { expect, test, type Page } from '@playwright/test';
import { api, expectAccessible, loginAs, pickRegion, screenshot } from './support/helpers';

/**
 * A spot-check campaign through the console, as the provincial inspector who runs it and checks the items:
 * define, draw, assign, fill a checklist with a failure, see the finding case, close, read the summary.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };

/** Both sizes of the page as it stands, the phone one after the desktop one. */
async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

test('inspector: create a campaign, draw, assign, a failed checklist opens a finding case, close and summary', async ({ page, baseURL }) => {
  const tag = String(Date.now() % 100000);
  // The registry the sample is drawn from: entries of the demo host units in 广州 (7) and 深圳 (9).
  const registry = await api(baseURL!, 'inspector.gd');
  const entries = [
    { name: `穗好办${tag}`, kind: 'APP', platform: 'ANDROID_IOS', hostUnitId: 7, regionCode: '440100', icpFiling: `粤ICP备20${tag.padStart(6, '0')}号-1A`, launchedOn: '2021-05-01', status: 'ACTIVE' },
    { name: `广州政务服务${tag}`, kind: 'PUBLIC_ACCOUNT', platform: 'WECHAT', hostUnitId: 7, regionCode: '440100', launchedOn: '2020-03-01', lastContentUpdateOn: '2026-11-01', status: 'ACTIVE' },
    { name: `街道网格工作群${tag}`, kind: 'WORK_GROUP', platform: 'WECOM', hostUnitId: 9, regionCode: '440300', launchedOn: '2022-01-01', status: 'ACTIVE' },
    { name: `深圳社区通知群${tag}`, kind: 'WORK_GROUP', platform: 'DINGTALK', hostUnitId: 9, regionCode: '440300', launchedOn: '2022-06-01', status: 'ACTIVE' },
  ];
  for (const entry of entries) {
    const res = await registry.post('/api/v1/registry', { data: entry });
    expect(res.status(), await res.text()).toBe(201);
  }
  await registry.dispose();

  await loginAs(page, 'inspector.gd');
  await page.getByRole('link', { name: '抽查评估' }).click();
  await expect(page.getByRole('heading', { name: '抽查评估' })).toBeVisible();

  // The form: the seed is there already and can be replaced; the API's refusals come back in Chinese.
  await page.getByRole('button', { name: '新建抽查' }).click();
  await expect(page.getByLabel('随机种子')).toHaveValue(/^[A-Za-z0-9]{12}$/);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('请填写抽查名称')).toBeVisible();
  await expect(page.getByText('请至少选择一个地区')).toBeVisible();
  const title = `广东省政务应用抽查${tag}`;
  await page.getByLabel('抽查名称').fill(title);
  // A region outside the office's: the API's refusal, in Chinese, at the field it names.
  await pickRegion(page, '抽查地区 1', '浙江', '浙江省');
  await page.getByLabel('样本量').fill('3');
  await page.getByLabel('随机种子').fill(`gd-${tag}`);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: '抽查评估的设置或检查结果有误，请按各项提示修改' })).toBeVisible();
  await expect(page.getByText('地区 330000 不在本机构的管辖地区之内')).toBeVisible();
  await pickRegion(page, '抽查地区 1', '广东', '广东省');
  await expect(page.getByText('地区 330000 不在本机构的管辖地区之内')).toHaveCount(0);
  await expectAccessible(page, 'campaign form');
  await shots(page, 'console-campaign-new');
  await page.getByRole('button', { name: /保\s*存/ }).click();

  // The campaign page: its definition, then the draw with the snapshot's fingerprint.
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('待抽样')).toBeVisible();
  await expect(page.getByText(`gd-${tag}`)).toBeVisible();
  await page.getByRole('button', { name: '抽取样本' }).click();
  await expect(page.getByText(/已抽取 3 个条目/)).toBeVisible();
  await expect(page.getByText('检查中', { exact: true })).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await expect(page.getByText(/个条目，.*抽样/)).toBeVisible();
  await expect(page.getByText('待分派').first()).toBeVisible();

  // Bulk assignment of every item to the inspector; deadlines appear in working days.
  await page.getByRole('button', { name: /选择全部待分派（3）/ }).click();
  await page.getByLabel('抽查员').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '省抽查员' }).click();
  await page.getByRole('button', { name: '分派所选' }).click();
  await expect(page.getByText('已分派 3 项')).toBeVisible();
  await expect(page.locator('.ant-table-row .ant-tag').filter({ hasText: '待检查' })).toHaveCount(3);
  await expect(page.locator('.ant-table-row .ant-tag').filter({ hasText: '未到期' })).toHaveCount(3);
  await expectAccessible(page, 'campaign page');
  await shots(page, 'console-campaign');

  // My items: the checklist of the first, one check failed with a note.
  await page.getByRole('link', { name: '我的抽查' }).click();
  await expect(page.getByText(title).first()).toBeVisible();
  await page.getByRole('button', { name: '填写检查表' }).first().click();
  const form = page.getByRole('form', { name: '检查表' });
  await expect(form).toBeVisible();
  await page.getByRole('button', { name: '提交检查结果' }).click();
  await expect(page.getByText(/还有 \d+ 个检查项未完成/)).toBeVisible();
  const checks = form.locator('fieldset');
  const count = await checks.count();
  expect(count).toBeGreaterThan(1);
  await checks.nth(0).getByText('不通过', { exact: true }).click();
  for (let i = 1; i < count; i++) await checks.nth(i).getByText('通过', { exact: true }).click();
  await page.getByRole('button', { name: '提交检查结果' }).click();
  await expect(checks.nth(0).getByText('不通过的检查项须说明情况（至少 2 个字）')).toBeVisible();
  await checks.nth(0).getByRole('textbox').fill('要求基层人员每日在群内打卡接龙并截图上报');
  await expect(page.getByText(/有 1 项不通过，提交后将登记为抽查发现案件/)).toBeVisible();
  await expectAccessible(page, 'checklist');
  await shots(page, 'console-campaign-checklist');
  await page.getByRole('button', { name: '提交检查结果' }).click();
  await expect(page.getByText('未通过，已转为抽查发现案件')).toBeVisible();
  const caseLink = page.getByRole('link', { name: /^查看案件 / });
  await expect(caseLink).toBeVisible({ timeout: 30_000 });
  const caseNo = (await caseLink.textContent())!.replace('查看案件 ', '').trim();
  await shots(page, 'console-campaign-item-failed');
  await caseLink.click();
  await expect(page.getByText(caseNo).first()).toBeVisible();
  await expect(page.getByText('抽查发现').first()).toBeVisible();
  await page.goBack();

  // Close with the other items still open; the summary counts them as pending and lists the case.
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: caseNo })).toBeVisible();
  await page.getByRole('button', { name: '结束抽查' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/还有 2 个条目没有结果/)).toBeVisible();
  await dialog.getByLabel('说明（可选）').fill('期末结束，未完成条目转下期');
  await dialog.getByRole('button', { name: '结束抽查' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已结束', { exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '抽查总结', selected: true })).toBeVisible();
  const summary = page.getByRole('tabpanel');
  await expect(summary.getByText('各层情况')).toBeVisible();
  await expect(summary.getByRole('row').filter({ hasText: caseNo })).toBeVisible();
  await expect(summary.getByRole('img', { name: '未通过检查项按问题类别统计' })).toBeVisible();
  await expect(page.getByRole('button', { name: '结束抽查' })).toHaveCount(0);
  await expect(page.getByText('未完成 2', { exact: true })).toBeVisible();
  await expectAccessible(page, 'campaign summary');
  await shots(page, 'console-campaign-summary');

  // The list shows it closed, with its progress.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '抽查评估' }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row.getByText('已结束')).toBeVisible();
  await expect(row.getByText('1/3')).toBeVisible();
  await expect(row.getByText('未通过 1')).toBeVisible();
  await shots(page, 'console-campaigns');

  // The items left open are no longer to be checked once the campaign is closed.
  await page.getByRole('link', { name: '我的抽查' }).click();
  await expect(page.getByText('没有待检查的条目')).toBeVisible();
  await page.getByText('全部', { exact: true }).click();
  await expect(page.getByRole('button', { name: '查看' })).toHaveCount(3);
  await expect(page.getByText('未完成', { exact: true })).toHaveCount(2);
});

test('a supervisor reads campaigns but runs none; a handler has no campaign menu', async ({ page }) => {
  await loginAs(page, 'supervisor.gd');
  await page.getByRole('link', { name: '抽查评估' }).click();
  await expect(page.getByRole('heading', { name: '抽查评估' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新建抽查' })).toHaveCount(0);
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await loginAs(page, 'handler.gz');
  await expect(page.getByRole('link', { name: '抽查评估' })).toHaveCount(0);
});
