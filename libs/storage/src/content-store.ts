import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ObjectStorage } from './object-storage';

/** The bytes read back do not hash to the key they were stored under: tampered with or damaged. */
export class ContentIntegrityError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`stored content does not match its SHA-256: expected ${expected}, read ${actual}`);
  }
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Content-addressed storage over any adapter: bytes go in under their SHA-256, and come out only when
 * they still hash to it, so a file changed behind the application's back is never served as evidence.
 */
@Injectable()
export class ContentStore {
  constructor(readonly storage: ObjectStorage) {}

  async put(bytes: Buffer): Promise<string> {
    const key = sha256Hex(bytes);
    await this.storage.put(key, bytes);
    return key;
  }

  /** The whole content, verified against its key before anything is returned. */
  async read(sha256: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
    const stream = await this.storage.get(sha256);
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Bigger than anything accepted: not what was stored; stop reading rather than fill memory.
      if (size > maxBytes) {
        stream.destroy();
        throw new ContentIntegrityError(sha256, `more than ${maxBytes} bytes`);
      }
      hash.update(chunk);
      chunks.push(chunk);
    }
    const actual = hash.digest('hex');
    if (actual !== sha256) throw new ContentIntegrityError(sha256, actual);
    return Buffer.concat(chunks);
  }

  exists(sha256: string): Promise<boolean> {
    return this.storage.exists(sha256);
  }

  delete(sha256: string): Promise<void> {
    return this.storage.delete(sha256);
  }
}
