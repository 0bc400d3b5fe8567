import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { createApiApp, OPENAPI_PATH } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApiApp();
  const config = app.get(AppConfig);
  await app.listen(config.API_PORT, config.API_HOST);
  const url = `http://${config.API_HOST}:${config.API_PORT}`;
  Logger.log(`API listening on ${url} (OpenAPI docs at ${url}/${OPENAPI_PATH})`, 'Api');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
