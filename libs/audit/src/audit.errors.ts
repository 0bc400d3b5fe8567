/** An audit entry the trail cannot store exactly as it would hash it; nothing of the call was appended. */
export class AuditEntryError extends Error {
  constructor(
    readonly index: number,
    readonly problems: string[],
  ) {
    super(`Invalid audit entry #${index}: ${problems.join('; ')}`);
    this.name = 'AuditEntryError';
  }
}
