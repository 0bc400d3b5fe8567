import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import { AppConfig } from '@app/config';
import { createLogger } from './logger';

/** The process's root pino logger (class-less, so a symbol). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export interface LoggingOptions {
  service: 'api' | 'worker';
  /** A logger made before Nest starts (the worker's, which the Temporal runtime needs first). */
  logger?: Logger;
  /** Where lines go when the logger is made here; tests read them back from it. */
  destination?: DestinationStream;
}

@Global()
@Module({})
class RootLoggerModule {}

/**
 * nestjs-pino over the process's root logger: Nest's own messages and one line per HTTP request
 * (method, route path without its query, status, time, request id — never headers or bodies).
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const root: DynamicModule = {
      module: RootLoggerModule,
      providers: [
        {
          provide: ROOT_LOGGER,
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            options.logger ?? createLogger({ service: options.service, level: config.LOG_LEVEL, format: config.LOG_FORMAT, destination: options.destination }),
        },
      ],
      exports: [ROOT_LOGGER],
    };
    return {
      module: LoggingModule,
      imports: [
        root,
        LoggerModule.forRootAsync({
          imports: [root],
          inject: [ROOT_LOGGER],
          useFactory: (logger: Logger) => ({
            pinoHttp: {
              logger,
              // The id the request-id middleware settled on (the caller's when well-formed).
              genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
              customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id: string }).id }),
              serializers: {
                req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            },
          }),
        }),
      ],
      exports: [root],
    };
  }
}
