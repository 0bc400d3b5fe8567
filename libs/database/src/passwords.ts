import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of the package, a const enum that isolated modules cannot read.
const ARGON2ID = 2;
import { compare } from 'bcryptjs';

/** bcrypt reads only the first 72 bytes: a longer password would be cut, so it is refused instead. */
export const BCRYPT_MAX_BYTES = 72;
/** argon2id reads any length; this bounds the work one login attempt can cause. */
export const PASSWORD_MAX_BYTES = 1024;

export interface PasswordCheck {
  matches: boolean;
  /** A bcrypt hash from before argon2id that the password just opened: store a new hash. */
  needsRehash: boolean;
}

const byteLength = (password: string) => Buffer.byteLength(password, 'utf8');

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum). */
export async function hashPassword(password: string): Promise<string> {
  if (byteLength(password) > PASSWORD_MAX_BYTES) throw new RangeError(`A password must be at most ${PASSWORD_MAX_BYTES} bytes`);
  return hash(password, { algorithm: ARGON2ID });
}

/** Checks a password against an argon2id or a legacy bcrypt hash; never against a cut-off password. */
export async function checkPassword(password: string, stored: string): Promise<PasswordCheck> {
  if (stored.startsWith('$argon2')) {
    if (byteLength(password) > PASSWORD_MAX_BYTES) return { matches: false, needsRehash: false };
    return { matches: await verify(stored, password).catch(() => false), needsRehash: false };
  }
  if (/^\$2[aby]\$/.test(stored)) {
    if (byteLength(password) > BCRYPT_MAX_BYTES) return { matches: false, needsRehash: false };
    const matches = await compare(password, stored);
    return { matches, needsRehash: matches };
  }
  return { matches: false, needsRehash: false };
}
