export {
  ACTION_ZH,
  CATEGORY_ZH,
  DEADLINE_KIND_ZH,
  EVENT_ZH,
  FINDING_RESULT_ZH,
  FIELD_CHOICE_ZH,
  FIELD_ZH,
  NOTICE_ZH,
  OUTCOME_ZH,
  ROLE_ZH,
  ACTOR_ZH,
  SATISFACTION_ZH,
  SEVERITY_ZH,
  SOURCE_ZH,
  STAGE_ZH,
  STATUS_ZH,
  STEP_ZH,
  SUBJECT_TYPE_ZH,
  REFERRAL_STATUS_ZH,
  ACCOUNTABILITY_OUTCOME_ZH,
  ORGANIZATION_KIND_ZH,
  EVIDENCE_OWNER_ZH,
  REFERRAL_REASON_ZH,
  EVIDENCE_LIMITS,
  SLA_TERM_ZH,
  TIME_UNIT_ZH,
  RATE_MEASURE_ZH,
  STATISTICS_GROUP_ZH,
  STATISTICS_TEXT_ZH,
  CIRCULAR_STATUS_ZH,
  CIRCULAR_ACTION_ZH,
  REGISTRY_KIND_ZH,
  zh,
} from '@app/domain';
export { CATEGORIES, SUBJECT_TYPES, CASE_STAGES, SATISFACTIONS, SEVERITIES, ACCOUNTABILITY_OUTCOMES, ROLES, CASE_SOURCES, STATISTICS_GROUPS, CIRCULAR_RULES, statisticsCharts } from '@app/domain';

import { FIELD_ZH as FIELDS, FINDING_RESULT_ZH, REJECT_REASON_ZH, SATISFACTION_ZH as SATISFACTIONS_ZH, SEVERITY_ZH as SEVERITIES_ZH, SUPERVISOR_DECISION_ZH } from '@app/domain';

const NOTE_WORDS: Record<string, string> = { ...FINDING_RESULT_ZH, ...SEVERITIES_ZH, ...REJECT_REASON_ZH, ...SATISFACTIONS_ZH, ...SUPERVISOR_DECISION_ZH };

/** A timeline note as the rules wrote it ("SUBSTANTIATED (GENERAL): …", "plan: …"), shown with zh-CN words. */
export function localizeNote(note: string): string {
  return note
    .replace(/^(\d+) file\(s\)/, '$1 个文件')
    .replace(/\b[A-Z][A-Z_]+\b/g, (word) => NOTE_WORDS[word] ?? word).replace(/\b([a-zA-Z]+): /g, (all, field: string) => (FIELDS[field] ? `${FIELDS[field]}：` : all));
}
