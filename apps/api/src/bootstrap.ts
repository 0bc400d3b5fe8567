import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response as ExpressResponse } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { AppConfig } from '@app/config';
import { assignRequestId, bindRequestContext } from '@app/observability';
import { ApiModule } from './api.module';
import { answerClientErrorsAsJson } from './common/client-error';
import { documentEachAction } from './case-actions/action-routes.document';
import { documentCommonErrors } from './common/error-answers';
import { ErrorResponse } from './common/error-response';
import { documentValidationRules } from './common/validation-schema';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { httpMetrics } from './observability/http-metrics';

export const OPENAPI_PATH = 'api/docs';

/**
 * Scripts only from this origin, no eval, no inline script; styles may be inline because the component
 * library injects its CSS at run time; the pages talk only to this origin and cannot be framed.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Not forced to https here: TLS is the reverse proxy's business, and a plain-http dev stack must load.
  upgradeInsecureRequests: null,
};

/** Builds the API application as main.ts and the e2e tests both run it; tests may say where its log lines go. */
export async function createApiApp(options: { logDestination?: DestinationStream } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.withLogging({ destination: options.logDestination }), new ExpressAdapter(), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  // One hop: the client is the address the proxy appends to X-Forwarded-For, not whatever the client put there.
  if (app.get(AppConfig).TRUST_PROXY) app.set('trust proxy', 1);
  app.use(assignRequestId);
  app.use(httpMetrics(app.get(Registry)));
  app.useBodyParser('json', { limit: '64kb' });
  app.use(bindRequestContext);
  app.use(helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } }));
  // The front end lives under /console/ and /m/; the bare host opens the console.
  app.getHttpAdapter().get('/', (_req: unknown, res: unknown) => (res as ExpressResponse).redirect(302, '/console/'));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  answerClientErrorsAsJson(app.getHttpServer());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fingertip formalism case API')
      .setDescription('Complaints and spot-check findings about formalism on fingertips, handled as durable cases')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorResponse] },
  );
  // Served as JSON at /api/docs-json too: the contract test fuzzes the API against exactly this document.
  SwaggerModule.setup(OPENAPI_PATH, app, documentCommonErrors(documentValidationRules(documentEachAction(document))));
  return app;
}
