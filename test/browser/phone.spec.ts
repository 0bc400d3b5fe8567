import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, waitForCase } from './support/helpers';

/** The complainant's side on a 390 px phone: file anonymously, keep the number and code, follow, evaluate. */
test('a complaint filed, tracked and evaluated on a phone', async ({ page, baseURL }) => {
  await page.goto('/m/');
  await screenshot(page, 'phone-home');
  await expectAccessible(page, 'phone home');
  await page.getByRole('button', { name: '我要投诉' }).click();
  await page.getByRole('button', { name: '提交投诉' }).click();
  await expect(page.getByText('请选择问题类别')).toBeVisible();
  await page.getByText('过度留痕').click();
  await expect(page.getByText('不得随意要求下级和基层单位上传不必要的截图或视频')).toBeVisible();
  await page.getByText('政务应用程序').click();
  await page.getByLabel('对象名称').fill('某区政务App（手机）');
  await page.getByLabel('问题发生地区').selectOption({ label: '广东省' });
  await page.getByLabel('城市').selectOption({ label: '广州市' });
  await page.getByLabel('区县').selectOption({ label: '天河区' });
  await page.getByLabel('问题描述').fill('太短');
  await page.getByLabel('匿名投诉').click();
  await expect(page.getByText('匿名：不留姓名电话')).toBeVisible();
  await expect(page.getByLabel('姓名')).toHaveCount(0);
  await page.getByRole('button', { name: '提交投诉' }).click();
  await expect(page.getByText('请至少写 10 个字')).toBeVisible();
  await page.getByLabel('问题描述').fill('每天要求在App上传工作照片和视频留痕，否则通报。');
  await screenshot(page, 'phone-file');
  await expectAccessible(page, 'phone file');
  await page.getByRole('button', { name: '提交投诉' }).click();

  await expect(page.getByText('投诉已提交')).toBeVisible();
  await expect(page.getByText('查询码只显示这一次')).toBeVisible();
  await expect(page.getByRole('button', { name: '复制案件编号' })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制查询码' })).toBeVisible();
  const caseNo = (await page.getByTestId('case-no').innerText()).trim();
  const accessCode = (await page.getByTestId('access-code').innerText()).trim();
  expect(page.url()).not.toContain(caseNo);
  await screenshot(page, 'phone-confirmation');
  await expectAccessible(page, 'phone confirmation');
  // Nothing on the page is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // A screenshot right away, on the confirmation page (its photo metadata is removed by the server).
  const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await page.getByLabel('选择截图或照片').setInputFiles({ name: '截图.png', mimeType: 'image/png', buffer: pixel });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await expect(page.getByText('已上传 1 张，已附在您的投诉中')).toBeVisible();

  await page.getByRole('button', { name: '查看办理进度' }).click();
  await expect(page.getByText('提交投诉').first()).toBeVisible();
  await expect(page.getByText('待受理').first()).toBeVisible();
  await screenshot(page, 'phone-progress');
  await expectAccessible(page, 'phone progress');

  // Staff take the case to the revisit (through the API: the console has its own test).
  const handler = await api(baseURL!, 'handler.gz');
  const list = (await (await handler.get('/api/v1/cases', { params: { pageSize: 100 } })).json()) as { items: { id: string; caseNo: string }[] };
  let caseId = list.items.find((c) => c.caseNo === caseNo)?.id;
  await expect.poll(async () => (caseId ??= ((await (await handler.get('/api/v1/cases', { params: { pageSize: 100 } })).json()) as typeof list).items.find((c) => c.caseNo === caseNo)?.id)).toBeTruthy();
  for (const [action, body, step] of [
    ['accept', {}, 'ACCEPTED'],
    ['dispatch', { investigatingOrgId: 5, hostUnitId: 7 }, 'INVESTIGATING'],
    ['finding', { result: 'UNSUBSTANTIATED', severity: 'GENERAL', summary: '经核实未发现强制留痕' }, 'FEEDBACK'],
    ['reply', { content: '经核实，该App未设置强制上传要求。' }, 'REVISIT'],
  ] as const) {
    expect((await handler.post(`/api/v1/cases/${caseId}/${action}`, { data: body })).status()).toBe(200);
    await waitForCase(handler, caseId!, (c) => c.step === step);
  }

  await page.goto('/m/track');
  await page.getByLabel('案件编号').fill(caseNo);
  await page.getByLabel('查询码').fill(accessCode);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('经核实，该App未设置强制上传要求。').first()).toBeVisible();
  await expect(page.getByText('对办理结果评价')).toBeVisible();
  await screenshot(page, 'phone-evaluate');
  await expectAccessible(page, 'phone evaluation');
  await page.getByText('基本满意').click();
  await page.getByLabel('评价意见（选填）').fill('答复及时');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('感谢您的评价')).toBeVisible();
  await waitForCase(handler, caseId!, (c) => c.status === 'CLOSED');

  // A wrong code says nothing about the case.
  await page.goto('/m/track');
  await page.getByLabel('案件编号').fill(caseNo);
  await page.getByLabel('查询码').fill('AAAAAAAAAA');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('案件编号或查询码不正确')).toBeVisible();
  await handler.dispose();
});
