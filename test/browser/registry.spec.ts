import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { api, choose, expectAccessible, loginAs, pickRegion, screenshot } from './support/helpers';

/** The registry's console pages, as the provincial inspector who keeps it and the central administrator. */

const RUN = Date.now().toString(36).slice(-5);
const serial = () => `20${String(Date.now()).slice(-8)}`;
const HEADERS = ['名称', '类型', '平台', '主办单位', '主办单位编号', '地区代码', 'ICP备案号', '上线日期', '用户规模（人）', '打卡签到', '打卡签到审批文件', '积分排名', '积分排名审批文件', '在线时长', '在线时长审批文件', '状态', '关停公告日期', '最近内容更新日期', '最近使用日期'];

/** Picks an option of an antd Select by its form label (a required field's name starts with its asterisk). */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function createEntry(client: APIRequestContext, over: Record<string, unknown>): Promise<{ id: number; name: string }> {
  const res = await client.post('/api/v1/registry', {
    data: { kind: 'APP', platform: 'ANDROID_IOS', hostUnitId: 7, regionCode: '440106', icpFiling: `粤ICP备${serial()}号-1A`, declaredUsers: 2_000_000, status: 'ACTIVE', lastUsedOn: '2026-11-30', features: [], ...over },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: number; name: string };
}

test('the registry: list with filters, an entry with its flags, versions and cases, the form, import and export', async ({ page, baseURL }) => {
  const inspector = await api(baseURL!, 'inspector.gd');
  const entry = await createEntry(inspector, { name: `穗好办${RUN}`, features: [{ feature: 'POINTS_RANKING', approved: false }] });
  await createEntry(inspector, { name: `广州发布${RUN}`, kind: 'PUBLIC_ACCOUNT', platform: 'WECHAT', icpFiling: null, lastContentUpdateOn: '2026-11-29' });
  const filed = await (await api(baseURL!)).post('/api/v1/complaints', {
    data: { category: 'RANKING_ABUSE', subjectType: 'APP', subjectName: entry.name, regionCode: '440106', description: '每周按App积分排名通报。', anonymous: true, registryEntryId: entry.id },
  });
  expect(filed.status()).toBe(201);
  const { caseNo } = (await filed.json()) as { caseNo: string };

  await loginAs(page, 'inspector.gd');
  await page.getByRole('link', { name: '登记管理' }).click();
  await expect(page.getByRole('link', { name: entry.name })).toBeVisible();
  await choose(page, '问题标记', '强制功能未审批');
  await expect(page).toHaveURL(/flag=UNAPPROVED_FEATURE/);
  await expect(page.getByRole('link', { name: `广州发布${RUN}` })).toHaveCount(0);
  await page.getByLabel('名称').fill(RUN);
  await page.getByLabel('名称').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${RUN}`));
  await expect(page.getByRole('row').filter({ hasText: entry.name }).getByText('强制功能未审批')).toBeVisible();
  await expectAccessible(page, 'registry list');
  await screenshot(page, 'console-registry-list');

  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await exported.path())!) as unknown as ArrayBuffer);
  expect(book.worksheets[0].getColumn(1).values).toContain(entry.name);

  // The entry: each flag with what it means, its cases, its versions.
  await page.getByRole('link', { name: entry.name }).click();
  await expect(page.getByText('设置了打卡签到、积分排名或在线时长功能，未经审批')).toBeVisible();
  await expect(page.getByText('设置了积分排名功能，未经审批')).toBeVisible();
  await expect(page.getByRole('link', { name: caseNo })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('version-1')).toContainText('省抽查员');
  await expectAccessible(page, 'registry entry');
  await screenshot(page, 'console-registry-entry');

  // The form checks the ICP number as the API does; the change is a new version that says what changed.
  await page.getByRole('button', { name: /修\s*改/ }).click();
  await page.getByLabel('ICP备案号').fill('粤ICP备2023123456号-1X');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('App的ICP备案号应以“-序号A”结尾')).toBeVisible();
  await page.getByLabel('ICP备案号').fill(`粤ICP备${serial()}号-2A`);
  await pick(page, '积分排名', '已设置，经审批');
  await page.getByLabel('审批文件').fill('粤网信函〔2026〕8号');
  await expectAccessible(page, 'registry form');
  await screenshot(page, 'console-registry-form');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('version-2')).toContainText('限制类功能：积分排名（未审批） → 积分排名（已审批：粤网信函〔2026〕8号）');
  await expect(page.getByText('未发现政策所列问题')).toBeVisible();

  // At phone width the entry still reads.
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'console-registry-entry-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await page.setViewportSize({ width: 1366, height: 860 });

  // Import: the good row is written, the bad one reported with its column and why.
  const sheet = new ExcelJS.Workbook();
  const rows = sheet.addWorksheet('登记');
  rows.addRow(HEADERS);
  rows.addRow([`导入好${RUN}`, '工作群组', '钉钉', '广州市某区政务服务数据管理局', '', '440106', '', '', 300, '无', '', '无', '', '无', '', '运行中', '', '', '']);
  rows.addRow([`导入坏${RUN}`, '政务App', '微博', '广州市某区政务服务数据管理局', '', '440106', '', '', '', '无', '', '无', '', '无', '', '运行中', '', '', '']);
  await page.goto('/console/registry');
  await page.getByRole('button', { name: 'Excel导入' }).click();
  await page.getByLabel('选择Excel文件').setInputFiles({ name: 'registry.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await sheet.xlsx.writeBuffer()) });
  const report = page.getByTestId('import-report');
  await expect(report.getByText('拒绝')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('row').filter({ hasText: '该平台与类型不符' })).toContainText('3');
  await expectAccessible(page, 'registry import');
  await screenshot(page, 'console-registry-import');
  await page.getByRole('dialog').getByRole('button', { name: /关\s*闭/ }).first().click();
  await inspector.dispose();
});

test('focused monitoring and the score weights, set by the central administrator', async ({ page, baseURL }) => {
  const admin = await api(baseURL!, 'admin');
  await createEntry(admin, { name: `粤监测${RUN}`, regionCode: '440100', declaredUsers: 9_000_000, features: [{ feature: 'CHECK_IN', approved: false }] });
  await loginAs(page, 'admin');
  await page.getByRole('link', { name: '重点监测' }).click();
  await expect(page.getByRole('link', { name: `粤监测${RUN}` })).toBeVisible();
  await expect(page.getByTestId('weights-in-force')).toContainText('用户规模');
  await expectAccessible(page, 'monitoring');
  await screenshot(page, 'console-monitoring');

  await page.getByRole('link', { name: '评分权重' }).click();
  const before = Number((await page.getByRole('spinbutton', { name: '投诉情况' }).inputValue()) || 0);
  await page.getByRole('spinbutton', { name: '投诉情况' }).fill(String(before === 10 ? 9 : before + 1));
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText(/已启用第 \d+ 版权重/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '系统管理员' }).first()).toBeVisible();
  await expectAccessible(page, 'score weights');
  await screenshot(page, 'console-score-weights');
  await admin.dispose();
});

test('the spot-check form completes the subject from the registry and links the finding', async ({ page, baseURL }) => {
  const inspector = await api(baseURL!, 'inspector.gd');
  const entry = await createEntry(inspector, { name: `穗抽查通${RUN}` });
  await loginAs(page, 'inspector.gd');
  await page.getByRole('link', { name: '抽查发现' }).click();
  await page.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page.getByText('请选择问题类别')).toBeVisible();
  await page.getByLabel('问题类别').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '强制使用' }).click();
  await page.getByText('政务应用程序').click();
  await page.getByLabel('对象名称').fill(`抽查通${RUN}`);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: entry.name }).click();
  await expect(page.getByTestId('linked-entry')).toContainText(entry.name);
  await expect(page.getByLabel('对象名称')).toHaveValue(entry.name);
  await pickRegion(page, '地区', '天河区', '广东省 / 广州市 / 天河区');
  await page.getByText('一般', { exact: true }).click();
  await page.getByLabel('发现的问题').fill('抽查发现该App强制要求下载使用。');
  await screenshot(page, 'console-spot-check-registry');
  await page.getByRole('button', { name: /登\s*记/ }).click();
  await page.getByRole('link', { name: '查看案件' }).click();
  // The case page reads the projection, written just after the workflow starts.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('registry-entry')).toContainText(entry.name, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId('registry-entry').click();
  await expect(page.getByRole('heading', { name: new RegExp(entry.name) })).toBeVisible();
  await inspector.dispose();
});
