import ExcelJS from 'exceljs';
import { readRegistrySheet, registryWorkbook, SHEET_COLUMNS, SheetError } from './registry-sheet';

const HEADERS = SHEET_COLUMNS.map((c) => c.header);

async function sheetOf(rows: ExcelJS.CellValue[][], headers = HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('登记');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const row = (over: Record<string, ExcelJS.CellValue>): ExcelJS.CellValue[] => {
  const base: Record<string, ExcelJS.CellValue> = { 名称: '穗好办', 类型: '政务App', 平台: '安卓和iOS', 主办单位: '某局', 地区代码: 440106, ICP备案号: '粤ICP备2023123456号-1A', 状态: '运行中' };
  const cells = { ...base, ...over };
  return HEADERS.map((h) => cells[h] ?? null);
};

describe('the registry sheet', () => {
  it('reads dates in the forms offices type them, numbers as numbers, rich text as text', async () => {
    const file = await sheetOf([
      row({ 上线日期: new Date(Date.UTC(2021, 4, 1)), 最近使用日期: '2024/5/1', 关停公告日期: '2024年5月2日', 状态: '关停公告中', '用户规模（人）': '12,000' }),
      row({ 名称: { richText: [{ text: '穗' }, { text: '好办2' }] }, 打卡签到: '已审批', 打卡签到审批文件: '穗网信〔2023〕1号', 在线时长: '未审批' }),
    ]);
    const [first, second] = await readRegistrySheet(file);
    expect(first.problems).toEqual([]);
    expect(first.entry).toMatchObject({ launchedOn: '2021-05-01', lastUsedOn: '2024-05-01', closingAnnouncedOn: '2024-05-02', status: 'CLOSING', declaredUsers: 12000, regionCode: '440106', hostUnitName: '某局', hostUnitId: null });
    expect(second.entry).toMatchObject({
      name: '穗好办2',
      features: [
        { feature: 'CHECK_IN', approved: true, approvalDocument: '穗网信〔2023〕1号' },
        { feature: 'ONLINE_TIME', approved: false, approvalDocument: null },
      ],
    });
  });

  it('names each wrong cell of a row with its header, in Chinese', async () => {
    const [bad] = await readRegistrySheet(await sheetOf([row({ 名称: '', 类型: 'App', 上线日期: '2027-02-30', '用户规模（人）': '-5', 积分排名: '是', 主办单位: null })]));
    expect(bad.entry).toBeUndefined();
    expect(bad.problems.map((p) => p.column).sort()).toEqual(['名称', '类型', '上线日期', '用户规模（人）', '积分排名', '主办单位'].sort());
    expect(bad.problems.find((p) => p.column === '类型')?.reason).toBe('应为：政务App、政务小程序、政务公众账号、工作群组');
  });

  it('skips blank rows, keeps Excel row numbers, and finds columns by header in any order', async () => {
    const shuffled = [...HEADERS].reverse();
    const values = row({});
    const file = await sheetOf([[], shuffled.map((h) => values[HEADERS.indexOf(h)])], shuffled);
    const rows = await readRegistrySheet(file);
    expect(rows.map((r) => [r.row, r.entry?.name])).toEqual([[3, '穗好办']]);
  });

  it('refuses a file that is not a workbook, or lacks a column', async () => {
    await expect(readRegistrySheet(Buffer.from('名称,类型'))).rejects.toThrow(SheetError);
    await expect(readRegistrySheet(await sheetOf([], ['名称', '类型']))).rejects.toThrow(/lacks the columns: 平台/);
  });

  it('writes what it reads', async () => {
    const entry = {
      name: '穗好办', kind: 'APP' as const, platform: 'ANDROID_IOS' as const, hostUnitId: 7, hostUnitName: '某局', regionCode: '440106', icpFiling: '粤ICP备2023123456号-1A',
      launchedOn: '2021-05-01', declaredUsers: 5, features: [{ feature: 'POINTS_RANKING' as const, approved: false, approvalDocument: null }], status: 'ACTIVE' as const,
      closingAnnouncedOn: null, lastContentUpdateOn: null, lastUsedOn: '2026-11-30',
    };
    const [read] = await readRegistrySheet(await registryWorkbook([entry]));
    expect(read).toEqual({ row: 2, entry, problems: [] });
  });
});
