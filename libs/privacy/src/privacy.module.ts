import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PiiCipher } from './pii-cipher';

@Global()
@Module({
  providers: [{ provide: PiiCipher, inject: [AppConfig], useFactory: (c: AppConfig) => new PiiCipher(c.PII_KEYS, c.PII_ACTIVE_KEY_ID) }],
  exports: [PiiCipher],
})
export class PrivacyModule {}
