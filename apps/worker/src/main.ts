import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@app/config';
import { createLogger } from '@app/observability';
import { WorkerHost } from './worker-host.service';
import { installWorkerRuntime } from './worker-runtime';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  // The Temporal runtime takes its logger and metrics exporter once, before any connection: so the logger comes first.
  const logger = createLogger({ service: 'worker', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  installWorkerRuntime(config, logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.withLogging({ logger }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGINT/SIGTERM run the shutdown hooks: the worker finishes its tasks before the process leaves.
  app.enableShutdownHooks();
  // A Worker that failed (out of heap, say) polls no more: the process leaves, so whatever supervises it starts another,
  // instead of staying up for its timers and ops listener.
  void app.get(WorkerHost).failed.then(async () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close().catch(() => undefined);
    process.exit(1);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
