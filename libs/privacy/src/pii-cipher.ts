import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class PiiKeyError extends Error {}

/**
 * AES-256-GCM for complainants' personal data. A sealed value names its key id, so keys can
 * rotate: new values use the active key, old ones still open with the key they name.
 * Format: "<keyId>:<iv b64>:<tag b64>:<ciphertext b64>".
 */
export class PiiCipher {
  private readonly keys: Map<string, Buffer>;

  /** @param keyring "id1:base64key,id2:base64key" (32-byte keys) */
  constructor(keyring: string, private readonly activeKeyId: string) {
    this.keys = parseKeyring(keyring);
    if (!this.keys.has(activeKeyId)) throw new PiiKeyError(`PII_ACTIVE_KEY_ID "${activeKeyId}" is not in PII_KEYS`);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.activeKeyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const [keyId, iv, tag, body] = sealed.split(':');
    const key = this.keys.get(keyId);
    if (!key || !iv || !tag || body === undefined) throw new PiiKeyError(`cannot open value sealed with key "${keyId}"`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

function parseKeyring(keyring: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of keyring.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, b64] = entry.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new PiiKeyError(`PII_KEYS entry "${id ?? ''}" must be "<id>:<base64 of 32 bytes>"`);
    keys.set(id, key);
  }
  return keys;
}

/** 13812345678 -> 138****5678; short values keep only their last character. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return `${'*'.repeat(Math.max(digits.length - 1, 0))}${digits.slice(-1)}`;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** 张三丰 -> 张**; the family name alone says little. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
