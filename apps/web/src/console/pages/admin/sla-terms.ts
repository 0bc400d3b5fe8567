import { CATEGORY_ZH, DEADLINE_KINDS, DEADLINE_KIND_ZH, SEVERITY_ZH, SLA_TERM_ZH, TIME_UNIT_ZH, slaTermBounds, validateSlaTerms, type SlaTermField, type SlaTerms } from '@app/domain';

/** One stored version, as GET /api/v1/admin/sla-policies answers. */
export interface SlaPolicy extends SlaTerms {
  policyId: number;
  version: number;
  category: string | null;
  severity: string | null;
  active: boolean;
  createdBy: number | null;
  createdAt: string;
}

export const scopeKey = (p: { category: string | null; severity: string | null }) => `${p.category ?? '*'}|${p.severity ?? '*'}`;

export function scopeLabel(p: { category: string | null; severity: string | null }): string {
  const category = p.category ? (CATEGORY_ZH[p.category as keyof typeof CATEGORY_ZH]?.label ?? p.category) : '所有类别';
  const severity = p.severity ? (SEVERITY_ZH[p.severity as keyof typeof SEVERITY_ZH] ?? p.severity) : '所有程度';
  return `${category} / ${severity}`;
}

export const TERM_FIELDS: SlaTermField[] = [...DEADLINE_KINDS.map((k) => `durations.${k}` as const), ...(Object.keys(SLA_TERM_ZH) as (keyof typeof SLA_TERM_ZH)[])];

export function termLabel(field: SlaTermField): string {
  return field.startsWith('durations.') ? DEADLINE_KIND_ZH[field.slice('durations.'.length) as keyof typeof DEADLINE_KIND_ZH] : SLA_TERM_ZH[field as keyof typeof SLA_TERM_ZH];
}

/** The unit a term is counted in: the policy's unit, except the revisit window in calendar days. */
export function termUnit(field: SlaTermField, timeUnit: string): string {
  if (timeUnit === 'MINUTE') return '分钟';
  return field === 'revisitWindow' ? '自然日' : '个工作日';
}

export function termValue(terms: SlaTerms, field: SlaTermField): number | undefined {
  return field.startsWith('durations.') ? terms.durations?.[field.slice('durations.'.length) as keyof SlaTerms['durations']] : (terms[field as keyof typeof SLA_TERM_ZH] as number | undefined);
}

export interface CompareRow {
  key: string;
  term: string;
  values: string[];
  /** Per column: differs from the column on its left (the first column never does). */
  changed: boolean[];
  /** Whether any two columns differ. */
  differs: boolean;
}

/** Versions side by side, one row per term; each cell says whether it changed against its left neighbour. */
export function compareVersions(policies: readonly SlaPolicy[]): CompareRow[] {
  const row = (key: string, term: string, values: string[]): CompareRow => {
    const changed = values.map((v, i) => i > 0 && v !== values[i - 1]);
    return { key, term, values, changed, differs: changed.some(Boolean) };
  };
  return [
    row('scope', '适用范围', policies.map(scopeLabel)),
    row('timeUnit', '计时单位', policies.map((p) => TIME_UNIT_ZH[p.timeUnit] ?? p.timeUnit)),
    ...TERM_FIELDS.map((f) => row(f, termLabel(f), policies.map((p) => `${termValue(p, f) ?? '—'} ${termUnit(f, p.timeUnit)}`))),
  ];
}

/** The form of a new version: flat names the form fields use, one per term. */
export type TermsForm = { category?: string; severity?: string; timeUnit: SlaTerms['timeUnit'] } & Partial<Record<SlaTermField, number | null>>;

export function formFromPolicy(p: SlaPolicy): TermsForm {
  const form: TermsForm = { category: p.category ?? undefined, severity: p.severity ?? undefined, timeUnit: p.timeUnit };
  for (const f of TERM_FIELDS) form[f] = termValue(p, f);
  return form;
}

export function termsFromForm(form: TermsForm): SlaTerms {
  const n = (f: SlaTermField) => form[f] as number;
  return {
    timeUnit: form.timeUnit,
    durations: Object.fromEntries(DEADLINE_KINDS.map((k) => [k, n(`durations.${k}`)])) as SlaTerms['durations'],
    revisitWindow: n('revisitWindow'),
    maxRectification: n('maxRectification'),
    maxExtension: n('maxExtension'),
    supervisionGrace: n('supervisionGrace'),
    referralGrace: n('referralGrace'),
    referralAcknowledge: n('referralAcknowledge'),
    referralConclude: n('referralConclude'),
  };
}

/**
 * The problem of one term in Chinese, or null: the domain's own validateSlaTerms decides (the API runs
 * it again), its bounds give the words. MINUTE is left to the API, which knows whether it is production.
 */
export function termProblemZh(form: TermsForm, field: SlaTermField): string | null {
  const problem = validateSlaTerms(termsFromForm(form), { allowMinutes: true }).find((p) => p.field === field);
  if (!problem) return null;
  if (form[field] === undefined || form[field] === null) return `请填写${termLabel(field)}`;
  const { min, max } = slaTermBounds(termsFromForm(form))[field];
  if (field === 'referralGrace') return `须大于「超期后发出督办」（${min - 1}），且不超过 ${max}`;
  if (field === 'maxRectification' && min > 1) return `须为 ${min} 至 ${max} 的整数（不低于整改时限）`;
  return `须为 ${min} 至 ${max} 的整数`;
}

/** An API field ('terms.durations.ACCEPTANCE', 'terms.maxExtension') as the form's field name. */
export const formFieldOf = (apiField: string): string => apiField.replace(/^terms\./, '');
