import { CJK_FONT, renderPdf, type PdfContent as Content, type PdfDocument } from '@app/documents';
import {
  ACTOR_ZH,
  CATEGORY_ZH,
  EVENT_ZH,
  EVIDENCE_OWNER_ZH,
  FINDING_RESULT_ZH,
  REFERRAL_REASON_ZH,
  SEVERITY_ZH,
  SOURCE_ZH,
  SUBJECT_TYPE_ZH,
  zh,
  type Category,
  type EvidenceOwner,
  type ReferralReason,
  type SubjectType,
} from '@app/domain';

/** What the referral package shows: the case file without the complainant's identity, and every file's hash. */
export interface ReferralPackageContent {
  referralId: string;
  reason: ReferralReason;
  referredAt: Date;
  builtAt: Date;
  disciplineBody: string;
  case: {
    caseNo: string;
    source: 'COMPLAINT' | 'SPOT_CHECK';
    category: Category;
    subjectType: SubjectType;
    subjectName: string;
    regionCode: string;
    description: string;
    severity: string | null;
    findingResult: string | null;
    handlingOffice: string;
    hostUnit: string | null;
    breaches: number;
  };
  timeline: { seq: number; type: string; actorRole: string | null; note: string | null; occurredAt: Date }[];
  evidence: { seq: number; name: string; mimeType: string; sizeBytes: number; owner: EvidenceOwner; forwarded: boolean; eventSeq: number | null; sha256: string }[];
}

const RECTIFICATION_EVENTS = ['RECTIFICATION_NOTICE_SENT', 'NOTICE_SIGNED', 'RECTIFICATION_SUBMITTED', 'RECTIFICATION_APPROVED', 'RECTIFICATION_RETURNED', 'EVIDENCE_ATTACHED', 'EVIDENCE_FORWARDED'];
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const heading = (text: string): Content => ({ text, style: 'h2' });

/** Renders the package as a PDF (A4, zh-CN). */
export function renderReferralPackage(p: ReferralPackageContent): Promise<Buffer> {
  const k = p.case;
  const facts: [string, string][] = [
    ['案件编号', k.caseNo],
    ['来源', SOURCE_ZH[k.source]],
    ['问题类别', CATEGORY_ZH[k.category]?.label ?? k.category],
    ['对象', `${SUBJECT_TYPE_ZH[k.subjectType]?.label ?? k.subjectType}：${k.subjectName}`],
    ['地区代码', k.regionCode],
    ['办理单位', k.handlingOffice],
    ['被投诉主办单位', k.hostUnit ?? '—'],
    ['调查结论', zh(FINDING_RESULT_ZH, k.findingResult)],
    ['严重程度', zh(SEVERITY_ZH, k.severity)],
    ['超期次数', String(k.breaches)],
    ['移送原因', REFERRAL_REASON_ZH[p.reason]],
    ['移送时间', beijing(p.referredAt)],
    ['接收机关', p.disciplineBody],
  ];
  const timelineRow = (e: ReferralPackageContent['timeline'][number]) => [String(e.seq), beijing(e.occurredAt), zh(EVENT_ZH, e.type), zh(ACTOR_ZH, e.actorRole ?? 'SYSTEM'), e.note ?? ''];
  const findings = p.timeline.filter((e) => e.type === 'FINDING_RECORDED');
  const rectification = p.timeline.filter((e) => RECTIFICATION_EVENTS.includes(e.type));
  const manifest: Content =
    p.evidence.length === 0
      ? { text: '本案没有证据文件。' }
      : {
          table: {
            headerRows: 1,
            widths: [22, '*', 70, 45, 55, 30],
            body: [
              ['序号', '文件名', '类型', '大小', '提交方', '事件'],
              ...p.evidence.flatMap((f) => [
                [String(f.seq), f.name, f.mimeType, size(f.sizeBytes), `${EVIDENCE_OWNER_ZH[f.owner]}${f.forwarded ? '（脱敏转交）' : ''}`, f.eventSeq === null ? '—' : String(f.eventSeq)],
                [{ text: `SHA-256 ${f.sha256}`, colSpan: 6, style: 'hash' }, '', '', '', '', ''],
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        };
  const doc: PdfDocument = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    info: { title: `移送材料 ${k.caseNo}`, creator: 'fingertip-formalism-cases', creationDate: p.builtAt },
    defaultStyle: { font: CJK_FONT, fontSize: 9, lineHeight: 1.25 },
    styles: { h1: { fontSize: 16, margin: [0, 0, 0, 8] }, h2: { fontSize: 12, margin: [0, 14, 0, 6] }, hash: { fontSize: 7.5, color: '#333333' }, small: { fontSize: 8, color: '#555555' } },
    footer: (page: number, pages: number) => ({ text: `${k.caseNo} 移送材料 第 ${page} / ${pages} 页`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] }),
    content: [
      { text: '移送纪检监察机关案件材料', style: 'h1' },
      { text: `移送编号 ${p.referralId}\u3000生成时间 ${beijing(p.builtAt)}（北京时间）`, style: 'small' },
      { text: '本材料不含投诉人身份信息。证据文件以 SHA-256 标识，可据此核对下载的原件。', style: 'small', margin: [0, 2, 0, 0] },
      heading('一、案件基本情况'),
      { table: { widths: [90, '*'], body: facts }, layout: 'lightHorizontalLines' },
      heading('二、问题描述'),
      { text: k.description },
      heading('三、调查结论'),
      findings.length === 0 ? { text: '尚无调查结论。' } : { ul: findings.map((e) => `${beijing(e.occurredAt)}\u3000${e.note ?? ''}`) },
      heading('四、整改记录'),
      rectification.length === 0 ? { text: '尚无整改记录。' } : { table: { headerRows: 1, widths: [22, 85, 80, 55, '*'], body: [['序号', '时间', '事项', '办理角色', '说明'], ...rectification.map(timelineRow)] }, layout: 'lightHorizontalLines' },
      heading('五、办理时间线'),
      { table: { headerRows: 1, widths: [22, 85, 80, 55, '*'], body: [['序号', '时间', '事项', '办理角色', '说明'], ...p.timeline.map(timelineRow)] }, layout: 'lightHorizontalLines' },
      heading(`六、证据文件清单（共 ${p.evidence.length} 个）`),
      manifest,
    ],
  };
  return renderPdf(doc);
}
