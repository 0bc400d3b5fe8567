import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { DestinationStream, Logger as RootLogger } from 'pino';
import { DEMO_PASSWORD } from '@app/database';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { freePort } from '../../scripts/free-port';

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

/** An API or worker running as a process of its own, from source (test/support/app-process.js). */
export interface AppProcess {
  name: string;
  pid: number;
  /** The API's address; undefined for a worker. */
  baseUrl?: string;
  /** Its standard output and error so far (the last 256 KiB). */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  /** How it exited when nobody killed or stopped it (a crash); null while it runs or after kill/stop. */
  unexpectedExit(): string | null;
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (the apps drain and close), SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

/** Every process started here, killed if the test process leaves without stopping them. */
const liveProcesses = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveProcesses) child.kill('SIGKILL');
});

/**
 * The real API or worker as a separate process (its main.ts, so it starts, logs and shuts down as in
 * production), for tests that run several of them or kill one. It inherits the test environment
 * (database, Temporal, the shared workflow bundle) with `env` on top; an API listens on a free port.
 * Resolves when the worker polls or the API answers /health/live.
 */
export async function startAppProcess(kind: 'api' | 'worker', options: { name?: string; env?: Record<string, string>; readyTimeoutMs?: number } = {}): Promise<AppProcess> {
  const name = options.name ?? kind;
  const port = kind === 'api' ? await freePort() : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...options.env, ...(port ? { API_HOST: '127.0.0.1', API_PORT: String(port) } : {}) };
  const entry = kind === 'api' ? 'apps/api/src/main.ts' : 'apps/worker/src/main.ts';
  const child = spawn(process.execPath, [join(__dirname, 'app-process.js'), entry], { cwd: join(__dirname, '../..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveProcesses.add(child);
  let output = '';
  let asked = false;
  let crashed: string | null = null;
  const capture = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-256 * 1024));
  child.stdout.on('data', capture);
  child.stderr.on('data', capture);
  const exited = new Promise<string>((done) =>
    child.once('exit', (code, signal) => {
      liveProcesses.delete(child);
      if (!asked) crashed = `exited on its own: ${signal ?? `code ${code}`}`;
      done(signal ?? String(code));
    }),
  );
  const baseUrl = port ? `http://127.0.0.1:${port}` : undefined;
  const running = () => child.exitCode === null && child.signalCode === null;
  const self: AppProcess = {
    name,
    pid: child.pid!,
    baseUrl,
    output: () => output,
    exited,
    unexpectedExit: () => crashed,
    async kill(signal) {
      asked = true;
      if (running()) child.kill(signal);
      await exited;
    },
    async stop(graceMs = 15_000) {
      asked = true;
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (!running()) throw new Error(`${name} exited while starting (${await exited}); its output:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) {
      await self.kill('SIGKILL');
      throw new Error(`${name} was not ready within ${options.readyTimeoutMs ?? 90_000} ms; its output:\n${output.slice(-4000)}`);
    }
    if (kind === 'worker' ? /polling task queue/.test(output) : await answers(`${baseUrl}/health/live`)) return self;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}
