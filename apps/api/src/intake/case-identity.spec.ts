import { createHash } from 'node:crypto';
import { accessCodeMatches, beijingDay, caseIdentity, caseNumber, hashAccessCode, requestFingerprint } from './case-identity';

const SECRET = 's'.repeat(32);

describe('caseIdentity', () => {
  it('derives the same case id and access code from the same Idempotency-Key', () => {
    expect(caseIdentity(SECRET, 'key-00000001')).toEqual(caseIdentity(SECRET, 'key-00000001'));
  });

  it('derives different ones from different keys or secrets', () => {
    const a = caseIdentity(SECRET, 'key-00000001');
    expect(caseIdentity(SECRET, 'key-00000002').caseId).not.toBe(a.caseId);
    expect(caseIdentity('t'.repeat(32), 'key-00000001').accessCode).not.toBe(a.accessCode);
  });

  it('makes a random identity without a key', () => {
    expect(caseIdentity(SECRET, undefined).caseId).not.toBe(caseIdentity(SECRET, undefined).caseId);
  });

  it('produces a UUID-shaped case id and a ten-character code', () => {
    const { caseId, accessCode } = caseIdentity(SECRET, 'key-00000001');
    expect(caseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(accessCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });
});

describe('caseNumber', () => {
  it('dates the number in Beijing time', () => {
    // 2026-11-22 17:00 UTC is already 23 November in Beijing.
    expect(beijingDay(new Date('2026-11-22T17:00:00Z'))).toBe('20261123');
    expect(beijingDay(new Date('2026-11-22T15:59:59Z'))).toBe('20261122');
  });

  it("numbers the day's cases in sequence, so two cases never share a number", () => {
    expect(caseNumber('20261123', 42)).toBe('FT20261123-00000042');
    const numbers = new Set(Array.from({ length: 100_000 }, (_, i) => caseNumber('20261123', i + 1)));
    expect(numbers.size).toBe(100_000);
  });
});

describe('access codes', () => {
  it('match their hash case-insensitively and nothing else', () => {
    const stored = hashAccessCode(SECRET, 'ABCDEFGH12');
    expect(accessCodeMatches(SECRET, 'abcdefgh12', stored)).toBe(true);
    expect(accessCodeMatches(SECRET, 'ABCDEFGH13', stored)).toBe(false);
    expect(accessCodeMatches(SECRET, 'ABCDEFGH12', null)).toBe(false);
  });
});

describe('requestFingerprint', () => {
  it('ignores key order but not values', () => {
    expect(requestFingerprint(SECRET, { a: 1, b: { c: 2, d: 3 } })).toBe(requestFingerprint(SECRET, { b: { d: 3, c: 2 }, a: 1 }));
    expect(requestFingerprint(SECRET, { a: 1 })).not.toBe(requestFingerprint(SECRET, { a: 2 }));
  });

  it('is keyed: without INTAKE_SECRET it cannot be recomputed from candidate names and phones', () => {
    const body = { complainant: { name: '张三', phone: '13812345678' } };
    expect(requestFingerprint(SECRET, body)).not.toBe(requestFingerprint('t'.repeat(32), body));
    for (const text of [JSON.stringify(body), '{"complainant":{"name":"张三","phone":"13812345678"}}']) {
      expect(requestFingerprint(SECRET, body)).not.toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});
