import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes of case workflows; scripts/temporal-dev.ts registers the same list on the dev server. */
export const CaseStageKey = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const CaseStatusKey = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const CaseNoKey = defineSearchAttributeKey('CaseNo', SearchAttributeType.KEYWORD);
export const RegionCodeKey = defineSearchAttributeKey('RegionCode', SearchAttributeType.KEYWORD);
export const SeverityKey = defineSearchAttributeKey('Severity', SearchAttributeType.KEYWORD);
export const DeadlineAtKey = defineSearchAttributeKey('DeadlineAt', SearchAttributeType.DATETIME);

export const CASE_SEARCH_ATTRIBUTES = [CaseStageKey, CaseStatusKey, CaseNoKey, RegionCodeKey, SeverityKey, DeadlineAtKey];

/** `Name=Type` pairs as the Temporal CLI's --search-attribute flag takes them. */
export function searchAttributeCliFlags(): string[] {
  const cliType: Record<string, string> = { [SearchAttributeType.KEYWORD]: 'Keyword', [SearchAttributeType.DATETIME]: 'Datetime' };
  return CASE_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${cliType[key.type]}`]);
}
