import * as echarts from 'echarts';
import ExcelJS from 'exceljs';
import {
  CATEGORY_ZH,
  CIRCULAR_STATUS_ZH,
  circularCharts,
  FINDING_RESULT_ZH,
  OUTCOME_ZH,
  SEVERITY_ZH,
  SOURCE_ZH,
  STATISTICS_TEXT_ZH,
  SUBJECT_TYPE_ZH,
  zh,
  type ChartOption,
  type CircularContent,
  type CircularRate,
  type CircularStatisticsRow,
  type CircularStatus,
} from '@app/domain';
import { CJK_FONT, renderPdf } from '@app/documents';


export interface CircularDocument {
  content: CircularContent;
  status: CircularStatus;
  contentHash: string | null;
  publishedAt: Date | null;
}

const PERCENT = '0.0%';
/** The ideographic space between parts of a line. */
const GAP = '\u3000';
const GREY = { argb: 'FF8C8C8C' };
const monthZh = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
const periodZh = (c: CircularContent) => (c.from === c.to ? monthZh(c.from) : `${monthZh(c.from)}至${monthZh(c.to)}`);

/** An ECharts option drawn on the server as SVG: the same definition the console draws. */
export function chartSvg(option: ChartOption, width = 520, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ textStyle: { fontFamily: CJK_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const measureRows = (row: CircularStatisticsRow): CircularRate[] => [...row.onTime, ...row.rates];

/** The circular as a workbook: one sheet per table, counts as numbers, rates as numbers in percent format. */
export async function circularWorkbook(doc: CircularDocument): Promise<Buffer> {
  const c = doc.content;
  const book = new ExcelJS.Workbook();

  const overall = book.addWorksheet('总体情况');
  overall.addRow([c.title]).font = { bold: true, size: 14 };
  overall.addRow([`${c.organizationName}${GAP}${periodZh(c)}${GAP}${CIRCULAR_STATUS_ZH[doc.status]}`]);
  overall.addRow([]);
  overall.columns = [{ width: 28 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 22 }];
  overall.addRow(['指标', '分子', '分母', '比率', '说明']).font = { bold: true };
  overall.addRow([STATISTICS_TEXT_ZH.cases, c.total.cases]);
  for (const r of measureRows(c.total)) {
    const row = overall.addRow([r.label, r.numerator, r.denominator, r.rate, r.small ? STATISTICS_TEXT_ZH.small : '']);
    row.getCell(4).numFmt = PERCENT;
    if (r.small) row.font = { color: GREY };
  }
  overall.addRow([`${STATISTICS_TEXT_ZH.handlingDays}${STATISTICS_TEXT_ZH.median}`, c.total.handlingDaysMedian]);
  overall.addRow([`${STATISTICS_TEXT_ZH.handlingDays}${STATISTICS_TEXT_ZH.p90}`, c.total.handlingDaysP90]);

  for (const [name, rows, head] of [['分类情况', c.byCategory, '问题类别'], ['月度情况', c.byMonth, '月份']] as const) {
    const sheet = book.addWorksheet(name);
    const measures = measureRows(c.total);
    sheet.addRow([head, STATISTICS_TEXT_ZH.cases, ...measures.flatMap((m) => [m.label, '分母'])]).font = { bold: true };
    sheet.getColumn(1).width = 20;
    for (const r of rows) {
      const line = sheet.addRow([r.label, r.cases, ...measureRows(r).flatMap((m) => [m.rate, m.denominator])]);
      measureRows(r).forEach((m, i) => {
        const cell = line.getCell(3 + i * 2);
        cell.numFmt = PERCENT;
        if (m.small) cell.font = { color: GREY };
      });
    }
    sheet.addRow([]);
    sheet.addRow([`灰色比率：分母小于${c.smallDenominator}，${STATISTICS_TEXT_ZH.small}`]);
  }

  const cases = book.addWorksheet('典型案例');
  cases.columns = [
    { header: '案件编号', width: 24 },
    { header: '来源', width: 10 },
    { header: '问题类别', width: 18 },
    { header: '对象', width: 30 },
    { header: '地区代码', width: 10 },
    { header: '调查结论', width: 10 },
    { header: '严重程度', width: 16 },
    { header: '办结情况', width: 14 },
    { header: '点评', width: 60 },
  ];
  cases.getRow(1).font = { bold: true };
  for (const t of c.typicalCases) {
    cases.addRow([t.caseNo, SOURCE_ZH[t.source], CATEGORY_ZH[t.category]?.label ?? t.category, `${SUBJECT_TYPE_ZH[t.subjectType]?.label ?? t.subjectType}：${t.subjectName}`, t.regionCode, zh(FINDING_RESULT_ZH, t.findingResult), zh(SEVERITY_ZH, t.severity), zh(OUTCOME_ZH, t.outcome), t.comment]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const pct = (r: CircularRate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

/** The circular as a PDF (A4, zh-CN): texts, tables with numerators and denominators, the charts, the typical cases. */
export function circularPdf(doc: CircularDocument): Promise<Buffer> {
  const c = doc.content;
  const table = (head: string[], body: (string | number)[][], widths: (string | number)[]) => ({
    table: { headerRows: 1, widths, body: [head.map((text) => ({ text, bold: true })), ...body.map((r) => r.map(String))] },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 4, 0, 10],
  });
  const overall = measureRows(c.total).map((r) => [r.label, r.numerator, r.denominator, pct(r), r.small ? STATISTICS_TEXT_ZH.small : '']);
  const byCategory = c.byCategory.map((r) => {
    const rate = (key: string) => r.rates.find((m) => m.key === key);
    const cell = (m: CircularRate | undefined) => (m ? `${pct(m)}（${m.numerator}/${m.denominator}）${m.small ? '*' : ''}` : '—');
    return [r.label, r.cases, cell(rate('rectificationCompletionRate')), cell(rate('satisfactionRate')), cell(rate('reopenRate'))];
  });
  const footer = doc.status === 'PUBLISHED' ? `已发布 ${doc.publishedAt?.toISOString() ?? ''}${GAP}SHA-256 ${doc.contentHash ?? ''}` : `${CIRCULAR_STATUS_ZH[doc.status]}（未发布，内容可能变更）`;
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: CJK_FONT, fontSize: 10.5, lineHeight: 1.3 },
    info: { title: c.title },
    footer: { text: footer, fontSize: 7, alignment: 'center', margin: [0, 20, 0, 0] },
    content: [
      { text: c.title, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 6] },
      { text: `${c.organizationName}${GAP}${periodZh(c)}`, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: '一、总体情况', fontSize: 13, margin: [0, 6, 0, 4] },
      { text: c.summary },
      { text: `本期受理案件 ${c.total.cases} 件；办理用时中位数 ${c.total.handlingDaysMedian ?? '—'} 个工作日，90%分位数 ${c.total.handlingDaysP90 ?? '—'} 个工作日。`, margin: [0, 4, 0, 4] },
      table(['指标', '分子', '分母', '比率', '说明'], overall, ['*', 40, 40, 50, 90]),
      ...circularCharts(c).map((chart) => ({ svg: chartSvg(chart.option), width: 460, font: CJK_FONT, alignment: 'center', margin: [0, 4, 0, 8] })),
      { text: '二、分类情况', fontSize: 13, margin: [0, 6, 0, 4] },
      table(['问题类别', '案件数', '整改完成率', '满意率', '重新办理率'], byCategory, ['*', 40, 90, 90, 90]),
      { text: `* 分母小于${c.smallDenominator}，${STATISTICS_TEXT_ZH.small}。`, fontSize: 8 },
      { text: '三、典型案例', fontSize: 13, margin: [0, 10, 0, 4] },
      c.typicalCases.length === 0
        ? { text: '本期无典型案例。' }
        : {
            ol: c.typicalCases.map((t) => ({
              text: `${t.caseNo}${GAP}${CATEGORY_ZH[t.category]?.label ?? t.category}${GAP}${SUBJECT_TYPE_ZH[t.subjectType]?.label ?? t.subjectType}：${t.subjectName}（${t.regionCode}）${GAP}调查结论：${zh(FINDING_RESULT_ZH, t.findingResult)}${GAP}${zh(OUTCOME_ZH, t.outcome)}。${t.comment}`,
              margin: [0, 2, 0, 2],
            })),
          },
      { text: '四、经验做法', fontSize: 13, margin: [0, 10, 0, 4] },
      { text: c.practices },
    ],
  });
}
