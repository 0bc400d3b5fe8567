import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ContentStore } from './content-store';
import { LocalDiskStorage } from './local-disk.storage';
import { ObjectStorage } from './object-storage';
import { S3Storage } from './s3.storage';

/** The storage adapter the configuration names (README, "Evidence files"). */
export function storageFromConfig(config: AppConfig): ObjectStorage {
  if (config.STORAGE_DRIVER === 's3') {
    return new S3Storage({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      prefix: config.S3_PREFIX,
    });
  }
  return new LocalDiskStorage(config.STORAGE_DIR);
}

@Global()
@Module({
  providers: [
    { provide: ObjectStorage, inject: [AppConfig], useFactory: storageFromConfig },
    { provide: ContentStore, inject: [ObjectStorage], useFactory: (storage: ObjectStorage) => new ContentStore(storage) },
  ],
  exports: [ObjectStorage, ContentStore],
})
export class StorageModule {}
