import { hash as bcryptHash } from 'bcryptjs';
import { BCRYPT_MAX_BYTES, checkPassword, hashPassword, PASSWORD_MAX_BYTES } from './passwords';

describe('passwords', () => {
  it('hashes new passwords with argon2id and checks them', async () => {
    const stored = await hashPassword('Secret12345');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await checkPassword('Secret12345', stored)).toEqual({ matches: true, needsRehash: false });
    expect(await checkPassword('Secret12346', stored)).toEqual({ matches: false, needsRehash: false });
  });

  it('opens a legacy bcrypt hash and asks for it to be replaced', async () => {
    const stored = await bcryptHash('Demo#2026', 4);
    expect(await checkPassword('Demo#2026', stored)).toEqual({ matches: true, needsRehash: true });
    expect(await checkPassword('Demo#2027', stored)).toEqual({ matches: false, needsRehash: false });
  });

  it('refuses a password longer than bcrypt reads instead of cutting it', async () => {
    const long = 'a'.repeat(BCRYPT_MAX_BYTES);
    const stored = await bcryptHash(long, 4);
    expect((await checkPassword(long, stored)).matches).toBe(true);
    // bcrypt alone would accept this: it only reads the first 72 bytes.
    expect((await checkPassword(`${long}anything`, stored)).matches).toBe(false);
    // Bytes, not characters: 24 Chinese characters are 72 bytes, 25 are too many.
    const chinese = '密'.repeat(25);
    expect((await checkPassword(chinese, await bcryptHash(chinese, 4))).matches).toBe(false);
  });

  it('refuses to hash or check a password over the argon2id bound', async () => {
    const long = 'a'.repeat(PASSWORD_MAX_BYTES + 1);
    await expect(hashPassword(long)).rejects.toThrow(RangeError);
    const stored = await hashPassword('a'.repeat(PASSWORD_MAX_BYTES));
    expect((await checkPassword('a'.repeat(PASSWORD_MAX_BYTES), stored)).matches).toBe(true);
    expect((await checkPassword(long, stored)).matches).toBe(false);
  });

  it('matches nothing against an unknown hash format', async () => {
    expect(await checkPassword('x', 'plain')).toEqual({ matches: false, needsRehash: false });
  });
});
