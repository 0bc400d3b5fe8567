import type { Readable } from 'node:stream';

/**
 * Where evidence bytes live: one interface, a local-disk and an S3 adapter. Keys are SHA-256 hex
 * digests of the content, so the same bytes are stored once and a key names exactly one content.
 */
export abstract class ObjectStorage {
  /** Stores the bytes under the key; storing a key that exists already changes nothing. */
  abstract put(key: string, bytes: Buffer): Promise<void>;
  /** The stored bytes as a stream; throws StoredObjectMissingError when the key holds nothing. */
  abstract get(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  /** Removes the object; a key that holds nothing is not an error. */
  abstract delete(key: string): Promise<void>;
}

export class StoredObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored object under ${key}`);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Keys are content hashes; anything else (a path, a dot segment) is refused before it reaches a file name or a URL. */
export function assertContentKey(key: string): void {
  if (!SHA256_HEX.test(key)) throw new Error(`not a SHA-256 content key: ${JSON.stringify(key.slice(0, 80))}`);
}
