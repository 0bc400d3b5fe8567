import { expect, test, type Locator, type Page } from '@playwright/test';
import { api, expectAccessible, logout, screenshot } from './support/helpers';

/** The administration pages: what an administrator changes through the console, and what the API then holds. */

const DEMO_PASSWORD = 'Demo#2026';
const NEW_PASSWORD = 'Console2026x';

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText(`${username}（`)).toBeVisible();
}

/** Opens a section of 系统管理: the main menu's one entry, then the section's own tab. */
async function openAdmin(page: Page, section: '组织机构' | '用户' | '时限规则' | '节假日'): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('navigation', { name: '系统管理' }).getByRole('link', { name: section }).click();
}

/**
 * Picks an option of an antd Select inside a dialog, found by its label, and sees it chosen: on a busy machine
 * a click can land while the dropdown is still opening, so the pick is tried again until the Select shows it.
 */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const select = scope.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await scope.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 5_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

async function chooseOrganization(page: Page, dialog: Locator, name: string): Promise<void> {
  await dialog.getByLabel('所属机构').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: name }).first().click();
}

test('central administrator: a new organization, a new user who signs in, then is moved and disabled', async ({ page, baseURL }) => {
  const tag = String(Date.now() % 100000);
  const orgName = `广州市某局${tag}`;
  const username = `op.${tag}`;
  await signIn(page, 'admin', DEMO_PASSWORD);

  // Organizations: 新增下级机构 under 广州市网信办, offering the kinds and regions the rules allow there.
  await openAdmin(page, '组织机构');
  const tree = page.getByRole('tree', { name: '组织机构树' });
  await tree.getByText('广州市网信办（市级网信办）').click();
  await expect(page.getByText('广东省 / 广州市（440100）')).toBeVisible();
  await page.getByRole('button', { name: '新增下级机构' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByText('市级网信办下可设：主办（使用）单位、纪检监察机关')).toBeVisible();
  await dialog.getByRole('button', { name: /新\s*增/ }).click();
  await expect(dialog.getByText('请填写机构名称')).toBeVisible();
  await dialog.getByLabel('机构名称').fill(orgName);
  await dialog.getByText('主办（使用）单位', { exact: true }).click();
  await dialog.getByLabel('所在地区').click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '广州市' }).click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '越秀区' }).click();
  await expectAccessible(page, 'new organization');
  await screenshot(page, 'console-admin-new-organization');
  await dialog.getByRole('button', { name: /新\s*增/ }).click();
  await expect(dialog).toBeHidden();
  await expect(tree.getByText(`${orgName}（主办（使用）单位）`)).toBeVisible();
  await expect(page.getByText('广东省 / 广州市 / 越秀区（440104）')).toBeVisible();
  await expect(page.getByText('主办（使用）单位下不设下级机构。')).toBeVisible();
  await expectAccessible(page, 'organizations');
  await screenshot(page, 'console-admin-orgs');

  // Users: the form checks the name and password policy before sending; the role follows the organization.
  await openAdmin(page, '用户');
  await expect(page.getByRole('row').filter({ hasText: 'handler.gz' }).getByText('广州市网信办')).toBeVisible();
  await page.getByRole('button', { name: '新建用户' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByText('请填写用户名')).toBeVisible();
  await expect(dialog.getByText('请填写初始密码')).toBeVisible();
  await dialog.getByLabel('用户名').fill('Bad Name');
  await dialog.getByLabel('姓名').fill('测试经办人');
  await chooseOrganization(page, dialog, orgName);
  await expect(dialog.getByText('主办单位经办人', { exact: true })).toBeVisible();
  await dialog.getByLabel('初始密码').fill('short1');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByText('用户名格式不对', { exact: true })).toBeVisible();
  await expect(dialog.getByText('密码不符合要求', { exact: true })).toBeVisible();
  await expectAccessible(page, 'new user');
  await screenshot(page, 'console-admin-new-user');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('初始密码').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row.getByText(orgName)).toBeVisible();
  await expect(row.getByText('主办单位经办人')).toBeVisible();
  await expect(row.getByText('启用')).toBeVisible();

  // A refusal of the API shows its zh-CN text from the one dictionary.
  await page.getByRole('button', { name: '新建用户' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('重名');
  await chooseOrganization(page, dialog, orgName);
  await dialog.getByLabel('初始密码').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`用户名 ${username} 已被使用`);
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expectAccessible(page, 'users');
  await screenshot(page, 'console-admin-users');

  // The new user signs in with the initial password.
  await logout(page);
  await signIn(page, username, NEW_PASSWORD);
  await expect(page.getByText(`${username}（主办单位经办人）`)).toBeVisible();
  await logout(page);
  await signIn(page, 'admin', DEMO_PASSWORD);

  // Edit: move the account to another host unit and reset its password; then disable it, after a confirmation.
  await openAdmin(page, '用户');
  await row.getByRole('button', { name: `编辑 ${username}` }).click();
  dialog = page.getByRole('dialog');
  await chooseOrganization(page, dialog, '广州市某区政务服务数据管理局');
  await dialog.getByLabel('重置密码（不改则留空）').fill('Moved2026abc');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText('广州市某区政务服务数据管理局')).toBeVisible();
  await row.getByRole('button', { name: `停用 ${username}` }).click();
  const confirm = page.locator('.ant-popover:visible');
  await expect(confirm).toContainText('停用后该用户立即不能登录');
  await confirm.getByRole('button', { name: /停\s*用/ }).click();
  await expect(row.getByText('停用', { exact: true }).first()).toBeVisible();
  await expect(row.getByRole('button', { name: `启用 ${username}` })).toBeVisible();
  const anonymous = await api(baseURL!);
  expect((await anonymous.post('/api/v1/auth/login', { data: { username, password: 'Moved2026abc' } })).status()).toBe(401);
  await anonymous.dispose();
  await expect(page.getByRole('row').filter({ hasText: 'admin' }).first().getByRole('button', { name: '停用 admin' })).toHaveCount(0);
});

test('central administrator: a day set on the calendar, with who saved it and when', async ({ page, baseURL }) => {
  const tag = String(Date.now() % 100000);
  await signIn(page, 'admin', DEMO_PASSWORD);
  // A make-up working Saturday far ahead: no running case of the other tests reaches it.
  await openAdmin(page, '节假日');
  await page.getByLabel('选择月份').click();
  await page.getByLabel('选择月份').fill('2029年9月');
  await page.keyboard.press('Enter');
  await expect(page.getByText('2029年9月已录入的调整')).toBeVisible();
  await page.locator('td[title="2029-09-08"]').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('调整 2029年9月8日 星期六');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByText('请填写说明')).toBeVisible();
  await dialog.getByText('调休上班（计入工作日）').click();
  await dialog.getByLabel('说明').fill(`测试调休${tag}`);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('td[title="2029-09-08"]')).toContainText(`调休上班 测试调休${tag}`);
  await expect(page.locator('tr[data-row-key="2029-09-08"]')).toContainText('系统管理员（admin）');
  await page.locator('td[title="2029-09-08"]').click();
  await expect(page.getByRole('dialog')).toContainText('最后保存');
  await expectAccessible(page, 'calendar day');
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
  await expectAccessible(page, 'calendar');
  await screenshot(page, 'console-admin-calendar');
  const admin = await api(baseURL!, 'admin');
  const saved = (await (await admin.get('/api/v1/admin/calendar/overrides?from=2029-09-08&to=2029-09-08')).json()) as { workday: boolean; name: string }[];
  expect(saved).toMatchObject([{ workday: true, name: `测试调休${tag}` }]);
  await admin.dispose();
});

test('central administrator: a new SLA version from the default one, every term checked, shown beside the others', async ({ page, baseURL }) => {
  await signIn(page, 'admin', DEMO_PASSWORD);
  // A scope of its own (数据安全 / 违规违纪), so that no other test's new case changes its deadlines.
  await openAdmin(page, '时限规则');
  await page.getByRole('button', { name: /以第 1 版（#\d+）为基础新建版本/ }).first().click();
  const dialog = page.getByRole('dialog');
  await pick(page, dialog, '问题类别', '数据安全');
  await pick(page, dialog, '严重程度', '违规违纪');
  await dialog.getByLabel('受理时限', { exact: true }).fill('0');
  await dialog.getByLabel('超期后发出督办', { exact: true }).fill('6');
  await dialog.getByRole('button', { name: /发布新版本/ }).click();
  await expect(dialog.getByText('须为 1 至 60 的整数')).toBeVisible();
  await expect(dialog.getByText('须大于「超期后发出督办」（6），且不超过 30')).toBeVisible();
  await expectAccessible(page, 'new SLA version');
  await screenshot(page, 'console-admin-sla-new-version');
  await dialog.getByLabel('受理时限', { exact: true }).fill('3');
  await dialog.getByLabel('超期后发出督办', { exact: true }).fill('2');
  await dialog.getByLabel('单次延期上限', { exact: true }).fill('10');
  await dialog.getByRole('button', { name: /发布新版本/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/已发布「数据安全 \/ 违规违纪」第 1 版/)).toBeVisible();
  await expect(page.locator('th').getByText('新', { exact: true })).toBeVisible();
  await pick(page, page.locator('.ant-card-extra'), '适用范围', '全部适用范围');
  await expect(page.locator('td.c-diff').filter({ hasText: '3 个工作日' }).first()).toBeVisible();
  await expectAccessible(page, 'sla policies');
  await screenshot(page, 'console-admin-sla');
  const admin = await api(baseURL!, 'admin');
  const policies = (await (await admin.get('/api/v1/admin/sla-policies')).json()) as { category: string | null; severity: string | null; durations: { ACCEPTANCE: number }; maxExtension: number }[];
  expect(policies.find((p) => p.category === 'DATA_SECURITY' && p.severity === 'DISCIPLINARY')).toMatchObject({ durations: { ACCEPTANCE: 3 }, maxExtension: 10 });
  await admin.dispose();
});

test('a provincial administrator is offered only what it may change', async ({ page, baseURL }) => {
  const username = `admin.gd.${Date.now() % 100000}`;
  const central = await api(baseURL!, 'admin');
  const orgs = (await (await central.get('/api/v1/admin/organizations')).json()) as { id: number; name: string }[];
  const created = await central.post('/api/v1/admin/users', { data: { username, displayName: '省管理员', role: 'ADMIN', organizationId: orgs.find((o) => o.name === '广东省网信办')!.id, password: NEW_PASSWORD } });
  expect(created.status()).toBe(201);
  await central.dispose();
  await signIn(page, username, NEW_PASSWORD);

  await openAdmin(page, '组织机构');
  const tree = page.getByRole('tree', { name: '组织机构树' });
  await expect(tree.getByText('广东省网信办（省级网信办）')).toBeVisible();
  await expect(tree.getByText('浙江省网信办')).toHaveCount(0);

  // The discipline body that supervises the province's own office is not the province's to manage.
  await openAdmin(page, '用户');
  await expect(page.getByRole('cell', { name: 'handler.gz', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'discipline.gd', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '新建用户' }).click();
  await page.getByRole('dialog').getByLabel('所属机构').click();
  await expect(page.locator('.ant-select-dropdown:visible').getByText('广州市纪委监委派驻纪检监察组')).toBeVisible();
  await expect(page.locator('.ant-select-dropdown:visible').getByText('广东省纪委监委派驻纪检监察组')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

  // National settings are the central office's: shown, not offered.
  await openAdmin(page, '时限规则');
  await expect(page.getByText('只有中央网信办的管理员可以发布新版本')).toBeVisible();
  await expect(page.getByRole('button', { name: /为基础新建版本/ })).toHaveCount(0);
  await openAdmin(page, '节假日');
  await expect(page.getByText('只有中央网信办的管理员可以修改；这里只能查看')).toBeVisible();
  await page.locator('td.ant-picker-cell-in-view').nth(10).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectAccessible(page, 'calendar (provincial)');
});
