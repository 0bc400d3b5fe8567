import ExcelJS from 'exceljs';
import { circularCharts, rateOf, type CircularContent, type CircularStatisticsRow } from '@app/domain';
import { chartSvg, circularPdf, circularWorkbook } from './circular-documents';
import { pdfText } from '../../../../test/support/pdf-text';

const rate = (key: string, label: string, n: number, d: number) => ({ key, label, ...rateOf(n, d) });
const row = (key: string, label: string, cases: number, satisfied: number, evaluated: number): CircularStatisticsRow => ({
  key,
  label,
  cases,
  handlingDaysMedian: 6,
  handlingDaysP90: 14,
  onTime: [rate('ACCEPTANCE', '受理时限按时办结率', cases - 1, cases)],
  rates: [rate('satisfactionRate', '满意率', satisfied, evaluated), rate('reopenRate', '重新办理率', 1, 20)],
});

const CONTENT: CircularContent = {
  title: '2026年11月“指尖上的形式主义”问题办理情况通报',
  from: '2026-11',
  to: '2026-11',
  organizationId: 10,
  organizationName: '广州市网信办',
  summary: '本月办理情况总体平稳。',
  practices: '某区推行“一表通”，同一数据只报一次。',
  smallDenominator: 10,
  total: row('ALL', '合计', 40, 27, 30),
  byCategory: [row('FORCED_CHECKIN', '打卡接龙、即时响应', 30, 20, 24), row('TASK_DUMPING', '摊派任务、索要材料', 10, 2, 6)],
  byMonth: [row('2026-11', '2026年11月', 40, 27, 30)],
  typicalCases: [
    { caseNo: 'FT20261103-00000042', source: 'COMPLAINT', category: 'FORCED_CHECKIN', subjectType: 'WORK_GROUP', subjectName: '某街道工作群', regionCode: '440105', findingResult: 'SUBSTANTIATED', severity: 'GENERAL', outcome: 'RESOLVED', comment: '已取消每日打卡接龙。' },
  ],
};

describe('circular documents', () => {
  it('writes one sheet per table, counts as numbers and rates as numbers in percent format', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await circularWorkbook({ content: CONTENT, status: 'PUBLISHED', contentHash: 'b'.repeat(64), publishedAt: new Date() })) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['总体情况', '分类情况', '月度情况', '典型案例']);

    const overall = book.getWorksheet('总体情况')!;
    const satisfaction = overall.getRows(1, overall.rowCount)!.find((r) => r.getCell(1).value === '满意率')!;
    expect([satisfaction.getCell(2).value, satisfaction.getCell(3).value, satisfaction.getCell(4).value]).toEqual([27, 30, 0.9]);
    expect(satisfaction.getCell(4).numFmt).toBe('0.0%');

    const byCategory = book.getWorksheet('分类情况')!;
    expect(byCategory.getRow(1).values).toEqual([undefined, '问题类别', '案件数', '受理时限按时办结率', '分母', '满意率', '分母', '重新办理率', '分母']);
    const dumping = byCategory.getRow(3);
    expect(dumping.getCell(1).value).toBe('摊派任务、索要材料');
    // 2 of 6 satisfied: a small denominator, greyed.
    expect([dumping.getCell(5).value, dumping.getCell(6).value, dumping.getCell(5).font?.color?.argb]).toEqual([2 / 6, 6, 'FF8C8C8C']);
    expect(book.getWorksheet('典型案例')!.getRow(2).getCell(1).value).toBe('FT20261103-00000042');
  });

  it('renders the charts as SVG from the shared ECharts definitions', () => {
    const [onTime] = circularCharts(CONTENT);
    const svg = chartSvg(onTime.option);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('受理时限按时办结率');
  });

  it('renders a PDF whose text reads back: the title, the numbers behind each rate, the typical case, the hash', async () => {
    const hash = 'c'.repeat(64);
    const text = (await pdfText(await circularPdf({ content: CONTENT, status: 'PUBLISHED', contentHash: hash, publishedAt: new Date('2026-12-02T02:00:00Z') }))).replace(/\s+/g, ' ');
    for (const expected of ['2026年11月“指尖上的形式主义”问题办理情况通报', '广州市网信办', '一、总体情况', '满意率 27 30 90.0%', 'FT20261103-00000042', '某区推行“一表通”', `SHA-256 ${hash}`]) {
      expect(text).toContain(expected);
    }
  }, 60_000);
});
