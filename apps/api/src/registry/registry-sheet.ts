import ExcelJS from 'exceljs';
import {
  isCalendarDate,
  REGISTRY_KIND_ZH,
  REGISTRY_PLATFORM_ZH,
  REGISTRY_STATUS_ZH,
  RESTRICTED_FEATURE_ZH,
  RESTRICTED_FEATURES,
  type RegistryEntryContent,
  type RegistryFeature,
  type RestrictedFeature,
} from '@app/domain';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The import's body types: the workbook's own, or plain bytes (what generic HTTP clients send for a file). */
export const IMPORT_TYPES = [XLSX_TYPE, 'application/octet-stream'];
/** Limits of one import: an office's sheet fits easily, a runaway file does not reach the parser. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
export const SHEET_NAME = '政务应用登记';

type Key = 'name' | 'kind' | 'platform' | 'hostUnitName' | 'hostUnitId' | 'regionCode' | 'icpFiling' | 'launchedOn' | 'declaredUsers' | 'status' | 'closingAnnouncedOn' | 'lastContentUpdateOn' | 'lastUsedOn' | `feature:${RestrictedFeature}` | `document:${RestrictedFeature}`;

/** The sheet's columns, in order (README, "Registry"). Import finds them by header, so their order there is free. */
export const SHEET_COLUMNS: { key: Key; header: string; width: number }[] = [
  { key: 'name', header: '名称', width: 24 },
  { key: 'kind', header: '类型', width: 14 },
  { key: 'platform', header: '平台', width: 12 },
  { key: 'hostUnitName', header: '主办单位', width: 28 },
  { key: 'hostUnitId', header: '主办单位编号', width: 12 },
  { key: 'regionCode', header: '地区代码', width: 10 },
  { key: 'icpFiling', header: 'ICP备案号', width: 26 },
  { key: 'launchedOn', header: '上线日期', width: 12 },
  { key: 'declaredUsers', header: '用户规模（人）', width: 14 },
  ...RESTRICTED_FEATURES.flatMap((f) => [
    { key: `feature:${f}` as Key, header: RESTRICTED_FEATURE_ZH[f], width: 10 },
    { key: `document:${f}` as Key, header: `${RESTRICTED_FEATURE_ZH[f]}审批文件`, width: 24 },
  ]),
  { key: 'status', header: '状态', width: 12 },
  { key: 'closingAnnouncedOn', header: '关停公告日期', width: 14 },
  { key: 'lastContentUpdateOn', header: '最近内容更新日期', width: 16 },
  { key: 'lastUsedOn', header: '最近使用日期', width: 14 },
];
/** Host unit by name or by number: either column will do, so neither alone is required. */
const OPTIONAL_HEADERS = new Set(['主办单位', '主办单位编号']);

/** A feature cell: absent, approved or not. */
export const FEATURE_CELL = { NONE: '无', APPROVED: '已审批', UNAPPROVED: '未审批' } as const;

export interface SheetEntry extends Omit<RegistryEntryContent, 'hostUnitId'> {
  hostUnitId: number | null;
  hostUnitName: string | null;
}

export interface SheetRow {
  row: number;
  entry?: SheetEntry;
  problems: { column: string; reason: string }[];
}

const invert = (dictionary: Record<string, string>) => new Map(Object.entries(dictionary).map(([value, label]) => [label, value]));
const KIND_OF = invert(REGISTRY_KIND_ZH);
const PLATFORM_OF = invert(REGISTRY_PLATFORM_ZH);
const STATUS_OF = invert(REGISTRY_STATUS_ZH);

/** The registry as a workbook in the import's own layout, so an export can be edited and imported again. */
export async function registryWorkbook(entries: (RegistryEntryContent & { hostUnitName: string })[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET_NAME);
  sheet.columns = SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    const features = new Map(e.features.map((f) => [f.feature, f]));
    sheet.addRow({
      name: e.name,
      kind: REGISTRY_KIND_ZH[e.kind],
      platform: REGISTRY_PLATFORM_ZH[e.platform],
      hostUnitName: e.hostUnitName,
      hostUnitId: e.hostUnitId,
      regionCode: e.regionCode,
      icpFiling: e.icpFiling ?? '',
      launchedOn: e.launchedOn ?? '',
      declaredUsers: e.declaredUsers ?? '',
      ...Object.fromEntries(
        RESTRICTED_FEATURES.flatMap((f) => {
          const feature = features.get(f);
          const cell = !feature ? FEATURE_CELL.NONE : feature.approved ? FEATURE_CELL.APPROVED : FEATURE_CELL.UNAPPROVED;
          return [[`feature:${f}`, cell], [`document:${f}`, feature?.approvalDocument ?? '']];
        }),
      ),
      status: REGISTRY_STATUS_ZH[e.status],
      closingAnnouncedOn: e.closingAnnouncedOn ?? '',
      lastContentUpdateOn: e.lastContentUpdateOn ?? '',
      lastUsedOn: e.lastUsedOn ?? '',
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export class SheetError extends Error {}

/**
 * Reads the first sheet: its header row names the columns; every later non-blank row is an entry or a list
 * of what is wrong with it (zh-CN). Throws SheetError when the file is not a workbook of this layout.
 */
export async function readRegistrySheet(file: Buffer): Promise<SheetRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('The file is not an Excel workbook (.xlsx)');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new SheetError('The workbook has no sheet');
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) throw new SheetError(`The sheet has more than ${IMPORT_MAX_ROWS} rows`);
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columnOf.set(cellText(cell.value), col));
  const missing = SHEET_COLUMNS.filter((c) => !OPTIONAL_HEADERS.has(c.header) && !columnOf.has(c.header)).map((c) => c.header);
  if (!columnOf.has('主办单位') && !columnOf.has('主办单位编号')) missing.push('主办单位');
  if (missing.length > 0) throw new SheetError(`The sheet lacks the columns: ${missing.join(', ')}`);

  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = new Map(SHEET_COLUMNS.map((c) => [c.key, columnOf.has(c.header) ? row.getCell(columnOf.get(c.header)!).value : null]));
    if ([...cells.values()].every((v) => cellText(v) === '')) return;
    rows.push(readRow(number, cells));
  });
  return rows;
}

function readRow(row: number, cells: Map<Key, ExcelJS.CellValue>): SheetRow {
  const problems: SheetRow['problems'] = [];
  const header = (key: Key) => SHEET_COLUMNS.find((c) => c.key === key)!.header;
  const text = (key: Key) => cellText(cells.get(key) ?? null);
  const optional = (key: Key) => text(key) || null;
  const required = (key: Key) => {
    const value = text(key);
    if (!value) problems.push({ column: header(key), reason: '必须填写' });
    return value;
  };
  const label = <T>(key: Key, map: Map<string, string>): T => {
    const value = required(key);
    if (value && !map.has(value)) problems.push({ column: header(key), reason: `应为：${[...map.keys()].join('、')}` });
    return map.get(value) as T;
  };
  const date = (key: Key): string | null => {
    const value = cells.get(key);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const t = text(key);
    if (!t) return null;
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
    const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
    if (!isCalendarDate(iso)) problems.push({ column: header(key), reason: '应为日期，如 2024-05-01' });
    return iso || null;
  };
  const integer = (key: Key, max: number): number | null => {
    const t = text(key).replace(/,/g, '');
    if (!t) return null;
    if (!/^\d+$/.test(t) || Number(t) > max) {
      problems.push({ column: header(key), reason: `应为0到${max}的整数` });
      return null;
    }
    return Number(t);
  };

  const name = required('name');
  if (name.length > 100) problems.push({ column: header('name'), reason: '不能超过100个字' });
  const features: RegistryFeature[] = [];
  for (const f of RESTRICTED_FEATURES) {
    const cell = text(`feature:${f}`) || FEATURE_CELL.NONE;
    const document = text(`document:${f}`) || null;
    if (document && document.length > 100) problems.push({ column: header(`document:${f}`), reason: '不能超过100个字' });
    if (cell === FEATURE_CELL.APPROVED || cell === FEATURE_CELL.UNAPPROVED) features.push({ feature: f, approved: cell === FEATURE_CELL.APPROVED, approvalDocument: document });
    else if (cell !== FEATURE_CELL.NONE) problems.push({ column: header(`feature:${f}`), reason: `应为：${Object.values(FEATURE_CELL).join('、')}` });
  }
  const regionCode = required('regionCode');
  const icpFiling = optional('icpFiling');
  if (icpFiling && icpFiling.length > 40) problems.push({ column: header('icpFiling'), reason: '不能超过40个字符' });
  const hostUnitName = optional('hostUnitName');
  const entry: SheetEntry = {
    name,
    kind: label('kind', KIND_OF),
    platform: label('platform', PLATFORM_OF),
    hostUnitId: integer('hostUnitId', 2_147_483_647),
    hostUnitName,
    regionCode,
    icpFiling,
    launchedOn: date('launchedOn'),
    declaredUsers: integer('declaredUsers', 2_000_000_000),
    features,
    status: label('status', STATUS_OF),
    closingAnnouncedOn: date('closingAnnouncedOn'),
    lastContentUpdateOn: date('lastContentUpdateOn'),
    lastUsedOn: date('lastUsedOn'),
  };
  if (entry.hostUnitId === null && !hostUnitName && !problems.some((p) => p.column === header('hostUnitId'))) problems.push({ column: header('hostUnitName'), reason: '须填写主办单位或主办单位编号' });
  return problems.length > 0 ? { row, problems } : { row, entry, problems };
}

/** A cell's text whatever Excel stored: rich text, a formula's result, a hyperlink's text, a number. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}
