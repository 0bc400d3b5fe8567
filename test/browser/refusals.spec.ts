import { expect, test } from '@playwright/test';
import { api, fileComplaint, loginAs, waitForCase } from './support/helpers';

test('a refused action shows its reason in Chinese', async ({ page, baseURL }) => {
  const { caseId } = await fileComplaint(baseURL!, { subjectName: '某政务App（拒绝）' });
  const handler = await api(baseURL!, 'handler.gz');
  await waitForCase(handler, caseId, (c) => c.step === 'SUBMITTED');
  await loginAs(page, 'handler.gz');
  await page.goto(`/console/cases/${caseId}`);
  await page.getByRole('button', { name: /^受\s*理$/ }).click();
  // Meanwhile a colleague accepts it: the form now asks for something the case no longer allows.
  expect((await handler.post(`/api/v1/cases/${caseId}/accept`, { data: {} })).status()).toBe(200);
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('案件处于「待交办」环节，不能受理');
  await handler.dispose();
});

test('a case out of reach shows "not found", exactly like one that does not exist', async ({ page, baseURL }) => {
  const { caseId } = await fileComplaint(baseURL!, { subjectName: '某政务公众号（辖区外）' });
  await loginAs(page, 'handler.hz');
  await page.goto(`/console/cases/${caseId}`);
  await expect(page.getByText('未找到该案件')).toBeVisible();
  await page.goto('/console/cases/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('未找到该案件')).toBeVisible();
  // The hidden button would not help either: the API refuses the action the same way.
  const outsider = await api(baseURL!, 'handler.hz');
  expect((await outsider.post(`/api/v1/cases/${caseId}/accept`, { data: {} })).status()).toBe(404);
  await outsider.dispose();
});

test('revealing the complainant asks for a reason and writes an audit record', async ({ page, baseURL }) => {
  const { caseId } = await fileComplaint(baseURL!, { subjectName: '某街道工作群（查看）', complainant: { name: '李四', phone: '13900001111' } });
  const handler = await api(baseURL!, 'handler.gz');
  await waitForCase(handler, caseId, (c) => c.step === 'SUBMITTED');
  await loginAs(page, 'handler.gz');
  await page.goto(`/console/cases/${caseId}`);
  await expect(page.getByTestId('complainant')).toContainText('李*');
  await expect(page.getByTestId('complainant')).not.toContainText('13900001111');
  await page.getByRole('button', { name: '查看完整信息' }).click();
  await page.getByRole('button', { name: '确认查看' }).click();
  await expect(page.getByText('请填写查看理由')).toBeVisible();
  await page.getByLabel('查看理由').fill('需电话核实投诉细节');
  await page.getByRole('button', { name: '确认查看' }).click();
  await expect(page.getByTestId('complainant')).toContainText('李四');
  await expect(page.getByTestId('complainant')).toContainText('13900001111');
  expect(page.url()).not.toContain('13900001111');

  const admin = await api(baseURL!, 'admin');
  const audit = (await (await admin.get('/api/v1/audit', { params: { caseId, action: 'complainant.REVEALED' } })).json()) as { items: { action: string; actorRole: string; afterState: string }[] };
  expect(audit.items).toEqual([expect.objectContaining({ action: 'complainant.REVEALED', actorRole: 'HANDLER' })]);
  expect(audit.items[0].afterState).toContain('需电话核实投诉细节');
  await admin.dispose();
  await handler.dispose();
});

test('an expired session goes back to the login page and returns to the page the user was on', async ({ page, baseURL }) => {
  const { caseId } = await fileComplaint(baseURL!, { subjectName: '某政务App（过期）' });
  await loginAs(page, 'handler.gz');
  await page.goto(`/console/cases/${caseId}`);
  // The token is in an HttpOnly cookie: the page's script can neither read it nor find it in storage.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'ft_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
  const visible = await page.evaluate(() => `${document.cookie}|${JSON.stringify({ ...sessionStorage })}|${JSON.stringify({ ...localStorage })}`);
  expect(visible).not.toContain('ft_session');
  expect(visible).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  // The cookie gone, as after expiry: the API no longer knows the tab.
  await page.context().clearCookies({ name: 'ft_session' });
  await page.reload();
  await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
  await page.getByLabel('用户名').fill('handler.gz');
  await page.getByLabel('密码').fill('Demo#2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(new RegExp(`/console/cases/${caseId}$`));
});
