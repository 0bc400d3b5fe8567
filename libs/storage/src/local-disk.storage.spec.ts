import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentIntegrityError, ContentStore, LocalDiskStorage, sha256Hex, StoredObjectMissingError } from '.';

describe('LocalDiskStorage with ContentStore', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  let store: ContentStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evidence-store-'));
    storage = new LocalDiskStorage(dir);
    store = new ContentStore(storage);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256, fanned out, and leaves no temporary file', async () => {
    const bytes = randomBytes(4096);
    const key = await store.put(bytes);
    expect(key).toBe(sha256Hex(bytes));
    expect(await readdir(join(dir, key.slice(0, 2), key.slice(2, 4)))).toEqual([key]);
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    expect((await store.read(key)).equals(bytes)).toBe(true);
  });

  it('refuses bytes changed on disk', async () => {
    const key = await store.put(Buffer.from('a screenshot'));
    await writeFile(join(dir, key.slice(0, 2), key.slice(2, 4), key), 'something else');
    await expect(store.read(key)).rejects.toBeInstanceOf(ContentIntegrityError);
  });

  it('says when a key holds nothing, and deletes idempotently', async () => {
    const key = sha256Hex(Buffer.from('never stored'));
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
    await storage.delete(key);
  });

  it('refuses keys that could name another path', async () => {
    await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/not a SHA-256 content key/);
    await expect(storage.exists('AB'.repeat(32))).rejects.toThrow(/not a SHA-256 content key/);
  });
});
