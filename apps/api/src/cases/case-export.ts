import ExcelJS from 'exceljs';
import { CATEGORY_ZH, DEADLINE_KIND_ZH, SEVERITY_ZH, SOURCE_ZH, STATUS_ZH, STEP_ZH, SUBJECT_TYPE_ZH, zh, type Category, type SubjectType } from '@app/domain';
import type { CaseSummaryResponse } from '../case-actions/case-summary.response';

const beijing = (d: Date | null): string => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The inbox as an Excel sheet, with the zh-CN labels of the one dictionary; no complainant data. */
export async function casesWorkbook(rows: CaseSummaryResponse[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('案件清单');
  sheet.columns = [
    { header: '案件编号', key: 'caseNo', width: 24 },
    { header: '来源', key: 'source', width: 10 },
    { header: '问题类别', key: 'category', width: 18 },
    { header: '对象类型', key: 'subjectType', width: 14 },
    { header: '投诉对象', key: 'subjectName', width: 28 },
    { header: '地区代码', key: 'regionCode', width: 10 },
    { header: '环节', key: 'step', width: 16 },
    { header: '状态', key: 'status', width: 8 },
    { header: '严重程度', key: 'severity', width: 16 },
    { header: '当前时限', key: 'deadlineKind', width: 10 },
    { header: '时限（北京时间）', key: 'deadlineAt', width: 18 },
    { header: '剩余工作日', key: 'workingDaysLeft', width: 10 },
    { header: '超期', key: 'overdue', width: 6 },
    { header: '督办', key: 'supervised', width: 6 },
    { header: '移送', key: 'referred', width: 6 },
    { header: '登记时间', key: 'createdAt', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of rows) {
    sheet.addRow({
      caseNo: c.caseNo,
      source: zh(SOURCE_ZH, c.source),
      category: CATEGORY_ZH[c.category as Category]?.label ?? c.category,
      subjectType: SUBJECT_TYPE_ZH[c.subjectType as SubjectType]?.label ?? c.subjectType,
      subjectName: c.subjectName,
      regionCode: c.regionCode,
      step: zh(STEP_ZH, c.step),
      status: zh(STATUS_ZH, c.status),
      severity: c.severity ? zh(SEVERITY_ZH, c.severity) : '',
      deadlineKind: c.deadlineKind ? zh(DEADLINE_KIND_ZH, c.deadlineKind) : '',
      deadlineAt: beijing(c.deadlineAt),
      workingDaysLeft: c.workingDaysLeft ?? '',
      overdue: c.overdue ? '是' : '',
      supervised: c.supervised ? '是' : '',
      referred: c.referred ? '是' : '',
      createdAt: beijing(c.createdAt),
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
