import { randomBytes } from 'node:crypto';
import { maskName, maskPhone, PiiCipher, PiiKeyError } from './pii-cipher';

const key = () => randomBytes(32).toString('base64');

describe('PiiCipher', () => {
  it('opens what it seals, and the sealed form hides the plaintext', () => {
    const cipher = new PiiCipher(`k1:${key()}`, 'k1');
    const sealed = cipher.seal('13812345678');
    expect(sealed).not.toContain('13812345678');
    expect(sealed.startsWith('k1:')).toBe(true);
    expect(cipher.open(sealed)).toBe('13812345678');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new PiiCipher(`k1:${key()}`, 'k1');
    expect(cipher.seal('张三')).not.toEqual(cipher.seal('张三'));
  });

  it('opens values sealed with an older key after rotation', () => {
    const k1 = key();
    const old = new PiiCipher(`k1:${k1}`, 'k1').seal('李四');
    const rotated = new PiiCipher(`k1:${k1},k2:${key()}`, 'k2');
    expect(rotated.open(old)).toBe('李四');
    expect(rotated.seal('李四').startsWith('k2:')).toBe(true);
  });

  it('refuses a tampered value', () => {
    const cipher = new PiiCipher(`k1:${key()}`, 'k1');
    const [id, iv, tag, body] = cipher.seal('13812345678').split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.open([id, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('names a bad keyring', () => {
    expect(() => new PiiCipher('k1:short', 'k1')).toThrow(PiiKeyError);
    expect(() => new PiiCipher(`k1:${key()}`, 'k9')).toThrow(/k9/);
  });
});

describe('masking', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps only the first character of a name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('王')).toBe('*');
  });
});
