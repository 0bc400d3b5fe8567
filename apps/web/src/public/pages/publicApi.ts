import { request, upload } from '../../shared/api';
import type { RegistryPick } from './subject-lookup';

export interface ComplaintInput {
  category: string;
  subjectType: string;
  subjectName: string;
  regionCode: string;
  description: string;
  anonymous: boolean;
  complainant?: { name: string; phone: string };
  registryEntryId?: number;
}

export interface Filed {
  caseId: string;
  caseNo: string;
  accessCode: string;
}

export interface PublicCase {
  caseNo: string;
  stage: string;
  status: string;
  outcome: string | null;
  reply: string | null;
  awaitingEvaluation: boolean;
  /** While the evaluation is open: when its window ends. */
  evaluationEndsAt: string | null;
  timeline: { type: string; note: string | null; occurredAt: string }[];
}

/** One key per filled-in form: a retry after a network error files the same complaint once. */
export const fileComplaint = (input: ComplaintInput, idempotencyKey: string) =>
  request<Filed>('POST', '/api/v1/complaints', { body: input, anonymous: true, headers: { 'Idempotency-Key': idempotencyKey } });

export const readProgress = (caseNo: string, accessCode: string) =>
  request<PublicCase>('POST', `/api/v1/public/cases/${encodeURIComponent(caseNo)}/progress`, { body: { accessCode }, anonymous: true });

export const evaluate = (caseNo: string, accessCode: string, satisfaction: string, comment?: string) =>
  request<unknown>('POST', `/api/v1/public/cases/${encodeURIComponent(caseNo)}/evaluation`, { body: { accessCode, satisfaction, ...(comment ? { comment } : {}) }, anonymous: true });

/** The complainant's screenshots, by case number and access code (the code in the form body). */
export const attachScreenshots = (caseNo: string, accessCode: string, files: File[]) =>
  upload<{ name: string; sha256: string }[]>(`/api/v1/public/cases/${encodeURIComponent(caseNo)}/evidence`, files, { accessCode }, { anonymous: true });

/** The registry's autocomplete for the form (public fields only; counts against the public rate limit). */
export const lookupRegistry = (q: string, subjectType: string | undefined, signal?: AbortSignal) =>
  fetch(`/api/v1/public/registry/lookup?${new URLSearchParams({ q, limit: '6', ...(subjectType ? { subjectType } : {}) }).toString()}`, { headers: { accept: 'application/json' }, signal }).then((r) =>
    r.ok ? (r.json() as Promise<RegistryPick[]>) : [],
  );
