import type { CaseEntity } from './entities/case.entity';

/**
 * What a case file carries when it travels to another body (the referral package): the case as filed and
 * found, never the complainant's identity.
 */
export function caseFileWithoutComplainant(kase: CaseEntity) {
  return {
    caseNo: kase.caseNo,
    source: kase.source,
    category: kase.category,
    subjectType: kase.subjectType,
    subjectName: kase.subjectName,
    regionCode: kase.regionCode,
    description: kase.description,
    severity: kase.severity,
    findingResult: kase.findingResult,
    breaches: kase.breaches,
  };
}
