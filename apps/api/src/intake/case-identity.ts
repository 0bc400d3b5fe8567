import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

// Crockford's base32: no I, L, O, U, so codes read aloud and typed by hand survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % 32];
  return out;
}

function hmac(secret: string, purpose: string, value: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest();
}

function asUuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x80; // version 8: custom, derived
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The case id and access code of a submission. With an Idempotency-Key both are derived
 * from it, so a retry after a lost answer gets the same case and the same code back
 * without the code ever being stored.
 */
export function caseIdentity(secret: string, idempotencyKey: string | undefined): { caseId: string; accessCode: string } {
  if (!idempotencyKey) return { caseId: randomUUID(), accessCode: base32(randomBytes(10), 10) };
  return {
    caseId: asUuid(hmac(secret, 'case-id', idempotencyKey)),
    accessCode: base32(hmac(secret, 'access-code', idempotencyKey), 10),
  };
}

/** The Beijing calendar day of an instant, as YYYYMMDD: case numbers count per Beijing day. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Tracking number: "FT" + Beijing date + the day's sequence number in 8 digits, e.g. FT20261122-00000042. */
export function caseNumber(day: string, seq: number): string {
  return `FT${day}-${String(seq).padStart(8, '0')}`;
}

export function hashAccessCode(secret: string, accessCode: string): string {
  return hmac(secret, 'access-code-hash', accessCode.toUpperCase()).toString('hex');
}

export function accessCodeMatches(secret: string, accessCode: string, storedHash: string | null): boolean {
  const candidate = Buffer.from(hashAccessCode(secret, accessCode), 'hex');
  const stored = Buffer.from(storedHash ?? '0'.repeat(64), 'hex');
  return stored.length === candidate.length && timingSafeEqual(candidate, stored) && storedHash !== null;
}

/**
 * Identifies a request body, so an Idempotency-Key reused for a different request is caught. Keyed: the body
 * holds the complainant's name and phone, and an unkeyed hash of them is found again by trying candidates.
 */
export function requestFingerprint(secret: string, body: unknown): string {
  return hmac(secret, 'request-fingerprint', canonicalJson(body)).toString('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
