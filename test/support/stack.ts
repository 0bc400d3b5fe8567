import 'reflect-metadata';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { DestinationStream, Logger as RootLogger } from 'pino';
import { DEMO_PASSWORD } from '@app/database';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** Where a test reads an app's log lines back; without it they go to standard output at the test LOG_LEVEL. */
export interface LogCapture {
  logDestination?: DestinationStream;
}

/**
 * The real worker application (WorkerModule), polling the test task queue; a test may hand it the logger
 * it installed the Temporal runtime with, as the worker's main.ts does.
 */
export async function startWorkerApp(options: LogCapture & { logger?: RootLogger } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.withLogging({ destination: options.logDestination, logger: options.logger }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}

export interface RunningApi {
  app: INestApplication;
  baseUrl: string;
}

/** The real API application, listening on a free port. */
export async function startApiApp(options: LogCapture = {}): Promise<RunningApi> {
  const app = await createApiApp(options);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function http<T = any>(baseUrl: string, method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, headers: response.headers, body: text ? (json ? JSON.parse(text) : text) : undefined };
}

export async function login(baseUrl: string, username: string): Promise<string> {
  const response = await http<{ accessToken: string }>(baseUrl, 'POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken;
}

/** Polls until the check passes: the projection is written by the workflow shortly after a request returns. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
