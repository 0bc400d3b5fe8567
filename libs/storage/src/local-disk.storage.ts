import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { assertContentKey, ObjectStorage, StoredObjectMissingError } from './object-storage';

/**
 * Objects as files under one directory, fanned out by the key's first bytes (ab/cd/abcd…). A write goes
 * to a temporary file in the same directory tree, then is renamed into place: a reader never sees half a file.
 */
export class LocalDiskStorage extends ObjectStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) return;
    await mkdir(dirname(target), { recursive: true });
    const temp = join(this.root, '.tmp', `${key}.${randomBytes(6).toString('hex')}`);
    await mkdir(dirname(temp), { recursive: true });
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, target);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    if (!(await this.exists(key))) throw new StoredObjectMissingError(key);
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertContentKey(key);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}
