import { IDEMPOTENCY_KEY } from '../intake/case-intake.service';

/** The optional Idempotency-Key header of the routes that open a case, named as @Headers reads it. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key returns the same case',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
} as const;

/** A case id path parameter: a UUID, as ParseUUIDPipe insists (anything else is a 400). */
export const CASE_ID_PARAM = { name: 'caseId', format: 'uuid' } as const;
