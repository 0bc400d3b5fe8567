import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, type AppConfig } from '../../../libs/config/src/app-config';
import { migrateDatabase } from '../../../libs/database/src/migrate';
import { startTemporalDevServer, type DevServer } from '../../../scripts/temporal-dev-server';
import { freePort } from '../../../scripts/free-port';

/**
 * The real stack for one fault scenario, every part of it a process the scenario may kill:
 * the Temporal dev server (state in a SQLite file, so it can be stopped and started again on it),
 * a database of its own on the machine's MariaDB, and the built worker and API (`npm run build`
 * output) as child processes.
 *
 * The build is copied to a temporary directory first, so a rebuild by someone else during the run
 * (`npm run build` starts with `rm -rf dist`) cannot pull the code from under a restart.
 */

export const ROOT = resolve(__dirname, '../../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Every child of every stack in this process, killed if the process leaves without stopping them. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/** One line of the run's own log (faults.log), with the time since the stack started. */
type Note = (line: string) => void;

/** A child process (the API or the worker) that can be killed and started again on the same settings. */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  private expectingExit = false;
  private exited: Promise<void> = Promise.resolve();
  private output = '';
  /** Exits nobody asked for: a crash of the API or worker during a fault is a finding in itself. */
  readonly unexpectedExits: string[] = [];
  starts = 0;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    private readonly ready: (self: ManagedProcess) => Promise<void>,
    private readonly note: Note,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits until it is ready (API: /health answers 200; worker: polling). */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    this.starts += 1;
    this.expectingExit = false;
    this.output = '';
    const child = spawn(process.execPath, [this.script], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    liveChildren.add(child);
    const capture = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output = (this.output + text).slice(-64 * 1024);
      appendFileSync(this.logFile, text.replace(/^(?=.)/gm, `[${this.name}#${this.starts}] `));
    };
    child.stdout?.on('data', capture);
    child.stderr?.on('data', capture);
    this.exited = new Promise<void>((done) =>
      child.once('exit', (code, signal) => {
        liveChildren.delete(child);
        if (!this.expectingExit) {
          const what = `${this.name} (pid ${child.pid}) exited on its own: code ${code}, signal ${signal}`;
          this.unexpectedExits.push(what);
          this.note(what);
        }
        done();
      }),
    );
    const died = this.exited.then(() => {
      throw new Error(`${this.name} exited while starting; its last output:\n${this.tail()}`);
    });
    try {
      await Promise.race([this.ready(this), died]);
    } catch (error) {
      if (this.running) await this.kill('SIGKILL');
      throw error;
    }
    this.note(`${this.name} ready (pid ${child.pid})`);
  }

  /** Sends the signal and waits until the process is gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    this.expectingExit = true;
    this.note(`${this.name} (pid ${this.child!.pid}) <- ${signal}`);
    this.child!.kill(signal);
    await this.exited;
  }

  /** SIGTERM (the apps drain and close), SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.expectingExit = true;
    const child = this.child!;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  async restart(): Promise<void> {
    await this.kill('SIGKILL');
    await this.start();
  }

  /** Resolves when the process has printed something matching the pattern since it started. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms; its last output:\n${this.tail()}`);
      await sleep(100);
    }
  }

  tail(chars = 3000): string {
    return this.output.slice(-chars);
  }
}

/** The Temporal dev server on a fixed port and SQLite file: stopped and started again, it keeps every workflow. */
export class TemporalControl {
  private server: DevServer | null = null;

  constructor(
    readonly port: number,
    readonly dbFile: string,
    private readonly logFile: string,
    private readonly note: Note,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== null && this.server.process.exitCode === null && this.server.process.signalCode === null;
  }

  async start(): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    try {
      this.server = await startTemporalDevServer({ port: this.port, dbFile: this.dbFile, log });
    } catch (error) {
      log.end();
      throw error;
    }
    this.server.process.once('exit', () => log.end());
    liveChildren.add(this.server.process);
    this.note(`temporal ready on ${this.address} (pid ${this.server.process.pid}, db ${this.dbFile})`);
  }

  /** SIGTERM: the server shuts down and its SQLite file holds everything it had accepted. */
  async stop(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.note(`temporal (pid ${server.process.pid}) <- stop`);
    await server.stop();
    liveChildren.delete(server.process);
    this.server = null;
  }
}

export interface FaultStackOptions {
  /** Names the database, task queue and logs: a-z, 0-9 and underscores. */
  scenario: string;
}

export class FaultStack {
  /** Set by the scenario when an assertion failed (or FAULTS_KEEP_LOGS=1): the logs are then kept for reading. */
  keepLogs = process.env.FAULTS_KEEP_LOGS === '1';
  private connection: Connection | null = null;
  private readonly cleanups: Array<() => Promise<void>> = [];

  private constructor(
    readonly startedAt: number,
    readonly scenario: string,
    readonly workDir: string,
    readonly config: AppConfig,
    readonly env: NodeJS.ProcessEnv,
    readonly temporal: TemporalControl,
    readonly api: ManagedProcess,
    readonly worker: ManagedProcess,
  ) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.config.API_PORT}`;
  }

  get logDir(): string {
    return join(this.workDir, 'logs');
  }

  /** Time since the stack began starting, for the log. */
  elapsed(): string {
    return `${((Date.now() - this.startedAt) / 1000).toFixed(1)}s`;
  }

  note(line: string): void {
    appendFileSync(join(this.logDir, 'faults.log'), `[${this.elapsed()}] ${line}\n`);
  }

  /**
   * Brings the stack up. On failure half-way, whatever was started is stopped again before the error
   * is thrown; on success, `stop()` takes it all down.
   */
  static async start(options: FaultStackOptions): Promise<FaultStack> {
    if (!/^[a-z0-9_]+$/.test(options.scenario)) throw new Error(`bad scenario name ${options.scenario}`);
    await waitForCompleteBuild(120_000);

    const workDir = mkdtempSync(join(tmpdir(), `fingertip-faults-${options.scenario}-`));
    mkdirSync(join(workDir, 'logs'));
    // The build under test, frozen for the run; node_modules resolves through the link.
    cpSync(join(ROOT, 'dist'), join(workDir, 'dist'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');

    const dbName = `${process.env.DB_NAME ?? 'fingertip_cases'}_faults_${process.pid}`;
    const temporalPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      SEED_DEMO: '1',
      API_HOST: '127.0.0.1',
      API_PORT: String(await freePort()),
      // The ops listeners stay off: stacks run side by side on one machine.
      METRICS_PORT: '0',
      WORKER_OPS_PORT: '0',
      TEMPORAL_METRICS_PORT: '0',
      DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
      DB_PORT: process.env.DB_PORT ?? '3306',
      DB_USER: process.env.DB_USER ?? 'root',
      DB_PASSWORD: process.env.DB_PASSWORD ?? '',
      DB_NAME: dbName,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: `cases-faults-${options.scenario}-${process.pid}`,
      // Stable for the run: tokens and access codes issued before a restart stay valid after it.
      JWT_SECRET: randomBytes(32).toString('hex'),
      INTAKE_SECRET: randomBytes(32).toString('hex'),
      PII_KEYS: `faults1:${randomBytes(32).toString('base64')}`,
      PII_ACTIVE_KEY_ID: 'faults1',
      // Every client here is 127.0.0.1; the limits have tests of their own.
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
      RATE_LIMIT_STAFF_PER_MINUTE: '100000000',
      LOGIN_MAX_FAILURES: '1000',
      WORKFLOW_BUNDLE_PATH: join(workDir, 'case-workflows.js'),
    };
    const config = loadConfig(env);

    const partial: Array<() => Promise<void>> = [];
    const started = Date.now();
    const log = (line: string) => appendFileSync(join(workDir, 'logs', 'faults.log'), `[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
    try {
      const temporal = new TemporalControl(temporalPort, join(workDir, 'temporal.db'), join(workDir, 'logs', 'temporal.log'), log);
      partial.push(() => temporal.stop());
      const database = createDatabase(config).then(() => partial.push(() => dropDatabase(config)));
      await Promise.all([temporal.start(), database, bundleWorkflows(workDir, env.WORKFLOW_BUNDLE_PATH!)]);
      await migrateDatabase(config);

      const processLog = join(workDir, 'logs', 'processes.log');
      const worker = new ManagedProcess('worker', join(workDir, 'dist/apps/worker/src/main.js'), env, processLog, (self) => self.waitForOutput(/polling task queue/, 120_000), log);
      const api = new ManagedProcess('api', join(workDir, 'dist/apps/api/src/main.js'), env, processLog, () => waitForHealth(`http://127.0.0.1:${config.API_PORT}/health`, 120_000), log);
      partial.push(() => worker.stop(), () => api.stop()); // undone in reverse: the API first
      await worker.start();
      await api.start();
      const stack = new FaultStack(started, options.scenario, workDir, config, env, temporal, api, worker);
      stack.cleanups.push(...partial);
      return stack;
    } catch (error) {
      for (const undo of partial.reverse()) await undo().catch(() => undefined);
      process.stderr.write(`fault stack ${options.scenario} did not start; logs kept in ${join(workDir, 'logs')}\n`);
      rmSync(join(workDir, 'dist'), { recursive: true, force: true });
      throw error;
    }
  }

  /** A Temporal client for the test's own reads (caseState queries, listing workflows). */
  async temporalClient(): Promise<Client> {
    if (!this.connection) this.connection = await Connection.connect({ address: this.temporal.address });
    return new Client({ connection: this.connection, namespace: this.config.TEMPORAL_NAMESPACE });
  }

  async dbConnection() {
    return createConnection({
      host: this.config.DB_HOST,
      port: this.config.DB_PORT,
      user: this.config.DB_USER,
      password: this.config.DB_PASSWORD,
      database: this.config.DB_NAME,
      timezone: 'Z',
      supportBigNumbers: true,
    });
  }

  /** The audit chain checked by the built verifier (npm run audit:verify): a problem found, or null. */
  async verifyAudit(): Promise<string | null> {
    const verifier = spawnSync(process.execPath, [join(this.workDir, 'dist/scripts/verify-audit.js')], { env: this.env, encoding: 'utf8', timeout: 60_000 });
    return verifier.status === 0 ? null : `audit:verify failed (exit ${verifier.status}): ${verifier.stdout}${verifier.stderr}`;
  }

  /** Exits of the API or worker that no fault caused. */
  unexpectedExits(): string[] {
    return [...this.api.unexpectedExits, ...this.worker.unexpectedExits];
  }

  /** Takes everything down: API, worker, Temporal, the database; the temporary files too, unless kept for reading. */
  async stop(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
    this.connection = null;
    // Reverse order of start: API and worker first, then the database and Temporal.
    for (const undo of this.cleanups.reverse()) {
      await undo().catch((error: unknown) => process.stderr.write(`fault stack ${this.scenario}: cleanup step failed: ${(error as Error).message}\n`));
    }
    this.cleanups.length = 0;
    if (this.keepLogs) {
      rmSync(join(this.workDir, 'dist'), { recursive: true, force: true });
      rmSync(join(this.workDir, 'node_modules'), { force: true });
      process.stderr.write(`fault scenario ${this.scenario}: logs kept in ${this.logDir}\n`);
    } else {
      rmSync(this.workDir, { recursive: true, force: true });
    }
  }
}

const BUILT = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/workflows/index.js', 'dist/scripts/verify-audit.js'];

/**
 * Waits until the build is there and nobody is rebuilding it (`npm run build` removes dist, then tsc and
 * tsc-alias write it again): copying it half-written would test something that does not exist.
 */
async function waitForCompleteBuild(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = BUILT.filter((file) => !existsSync(join(ROOT, file)));
    const building = run('pgrep', ['-f', 'tsc(-alias)? -p tsconfig.build.json']).output.trim();
    if (missing.length === 0 && !building) return;
    if (Date.now() > deadline) {
      throw new Error(missing.length ? `${missing.join(', ')} missing: run 'npm run build' first (npm run test:faults does)` : `a build of dist is still running after ${timeoutMs / 1000} s`);
    }
    await sleep(1000);
  }
}

async function adminConnection(config: AppConfig) {
  return createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
}

async function createDatabase(config: AppConfig): Promise<void> {
  assertFaultDatabase(config.DB_NAME);
  const admin = await adminConnection(config);
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
    await admin.query(`CREATE DATABASE \`${config.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

/** Drops the scenario's database; MariaDB may be coming back from scenario (d), so it is given a minute. */
async function dropDatabase(config: AppConfig): Promise<void> {
  assertFaultDatabase(config.DB_NAME);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const admin = await adminConnection(config);
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${config.DB_NAME}\``);
        return;
      } finally {
        await admin.end();
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(1000);
    }
  }
}

function assertFaultDatabase(name: string): void {
  if (!/_faults_\d+$/.test(name)) throw new Error(`refusing to create or drop ${name}: not a fault-suite database`);
}

/** Bundles the built workflows once, as the image does, in a Node of its own (webpack does not belong in Jest's module registry). */
async function bundleWorkflows(workDir: string, bundlePath: string): Promise<void> {
  await new Promise<void>((done, reject) => {
    const child = spawn(process.execPath, [join(workDir, 'dist/scripts/bundle-workflows.js'), bundlePath], { cwd: workDir, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? done() : reject(new Error(`bundling the workflows failed (${code}): ${errors.slice(-2000)}`))));
  });
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs} ms (last: ${last})`);
}

/** Runs a shell command synchronously; for the few short control commands (pgrep, mysqladmin). */
export function run(command: string, args: string[], timeoutMs = 60_000): { code: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs });
  return { code: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}
