import { createHash } from 'node:crypto';
import { manifestHashes, pdfText } from '../../../test/support/pdf-text';
import { renderReferralPackage, type ReferralPackageContent } from './referral-package.pdf';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const content: ReferralPackageContent = {
  referralId: 'case-1-1',
  reason: 'SERIOUS_FINDING',
  referredAt: new Date('2026-12-03T02:00:00Z'),
  builtAt: new Date('2026-12-03T02:00:05Z'),
  disciplineBody: '广州市纪委监委派驻纪检监察组',
  case: {
    caseNo: 'FT20261203-00000001',
    source: 'COMPLAINT',
    category: 'FORCED_CHECKIN',
    subjectType: 'WORK_GROUP',
    subjectName: '某街道工作群',
    regionCode: '440104',
    description: '要求每天在工作群打卡接龙并截图上报。',
    severity: 'SERIOUS',
    findingResult: 'SUBSTANTIATED',
    handlingOffice: '广州市网信办',
    hostUnit: '广州市某区政务服务数据管理局',
    breaches: 0,
  },
  timeline: [
    { seq: 1, type: 'SUBMITTED', actorRole: null, note: null, occurredAt: new Date('2026-12-01T01:00:00Z') },
    { seq: 2, type: 'EVIDENCE_ATTACHED', actorRole: 'COMPLAINANT', note: '1 file(s)', occurredAt: new Date('2026-12-01T01:01:00Z') },
    { seq: 5, type: 'FINDING_RECORDED', actorRole: 'HANDLER', note: 'SUBSTANTIATED (SERIOUS): 强制打卡接龙属实', occurredAt: new Date('2026-12-02T01:00:00Z') },
    { seq: 7, type: 'RECTIFICATION_SUBMITTED', actorRole: 'HOST_UNIT_OPERATOR', note: 'plan: 取消打卡', occurredAt: new Date('2026-12-02T05:00:00Z') },
  ],
  evidence: [
    { seq: 1, name: '群聊截图.jpg', mimeType: 'image/jpeg', sizeBytes: 48_000, owner: 'COMPLAINANT', forwarded: false, eventSeq: 2, sha256: sha('screenshot') },
    { seq: 2, name: '整改通知.pdf', mimeType: 'application/pdf', sizeBytes: 2_400_000, owner: 'HOST_UNIT', forwarded: false, eventSeq: 6, sha256: sha('notice') },
  ],
};

describe('renderReferralPackage', () => {
  it('renders the case file in Chinese with a manifest of every file and its SHA-256, with an embedded font', async () => {
    const pdf = await renderReferralPackage(content);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is embedded as a subset: the whole 10 MB font never goes into a package.
    expect(pdf.length).toBeLessThan(400_000);
    const text = await pdfText(pdf);
    for (const expected of ['移送纪检监察机关案件材料', 'FT20261203-00000001', '强制打卡接龙属实', '整改记录', '群聊截图.jpg', '整改通知.pdf', '查实严重加重基层负担', '证据文件清单（共 2 个）']) {
      expect(text).toContain(expected);
    }
    expect(manifestHashes(text)).toEqual([sha('screenshot'), sha('notice')]);
  });
});
