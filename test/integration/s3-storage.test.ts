import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { startSeaweedMini, type SeaweedMini } from '../../scripts/seaweed-mini';
import { ContentIntegrityError, ContentStore, S3Storage, sha256Hex, StoredObjectMissingError } from '@app/storage';

// The S3 adapter against a real S3-compatible server: SeaweedFS's `weed mini`, started for this file.
describe('S3Storage against weed mini', () => {
  let weed: SeaweedMini;
  let storage: S3Storage;

  const adapter = (overrides: Partial<ConstructorParameters<typeof S3Storage>[0]> = {}) =>
    new S3Storage({ endpoint: weed.endpoint, region: 'us-east-1', bucket: weed.bucket, accessKeyId: weed.accessKeyId, secretAccessKey: weed.secretAccessKey, forcePathStyle: true, prefix: 'evidence/', ...overrides });

  beforeAll(async () => {
    weed = await startSeaweedMini();
    storage = adapter();
    // The bucket is created on start-up; wait until the gateway answers for it.
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await storage.exists('0'.repeat(64));
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the S3 gateway did not answer: ${(error as Error).message}\n${await readFile(weed.logFile, 'utf8').catch(() => '')}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }, 120_000);

  afterAll(async () => {
    storage?.destroy();
    await weed?.stop();
  }, 30_000);

  it('puts, reads back, checks and deletes content by its SHA-256', async () => {
    const store = new ContentStore(storage);
    const bytes = randomBytes(300_000);
    const key = await store.put(bytes);
    expect(key).toBe(sha256Hex(bytes));
    expect(await storage.exists(key)).toBe(true);
    expect((await store.read(key)).equals(bytes)).toBe(true);
    // Putting the same content again is a no-op.
    await store.put(bytes);
    await store.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
  });

  it('refuses content whose bytes no longer match their key', async () => {
    const store = new ContentStore(storage);
    const original = Buffer.from('原始截图内容');
    const key = sha256Hex(original);
    // Someone with access to the bucket replaces the object behind the application's back.
    const raw = new S3Client({ endpoint: weed.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: weed.accessKeyId, secretAccessKey: weed.secretAccessKey } });
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await raw.send(new PutObjectCommand({ Bucket: weed.bucket, Key: `evidence/${key}`, Body: Buffer.from('篡改后的内容') }));
    raw.destroy();
    await expect(store.read(key)).rejects.toBeInstanceOf(ContentIntegrityError);
  });

  it('is refused with wrong credentials', async () => {
    const intruder = adapter({ secretAccessKey: `${weed.secretAccessKey}x` });
    const stranger = adapter({ accessKeyId: 'nobody', secretAccessKey: 'nothing-at-all' });
    try {
      await expect(intruder.put(sha256Hex(Buffer.from('x')), Buffer.from('x'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
      await expect(stranger.get('1'.repeat(64))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
      const anonymous = new S3Client({ endpoint: weed.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'nobody', secretAccessKey: 'nothing' } });
      await expect(anonymous.send(new CreateBucketCommand({ Bucket: 'other' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
      anonymous.destroy();
    } finally {
      intruder.destroy();
      stranger.destroy();
    }
  });

  it('refuses keys that are not content hashes', async () => {
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/not a SHA-256 content key/);
  });
});
