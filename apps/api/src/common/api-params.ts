/** A case id path parameter: a UUID, as ParseUUIDPipe insists (anything else is a 400). */
export const CASE_ID_PARAM = { name: 'caseId', format: 'uuid' } as const;
