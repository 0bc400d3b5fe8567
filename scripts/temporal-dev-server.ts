import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { Connection } from '@temporalio/client';
import { searchAttributeCliFlags } from '../libs/temporal/src/search-attributes';
import { findTool } from './toolchain';

export interface DevServerOptions {
  port: number;
  uiPort?: number;
  /** Persist state across restarts in this SQLite file; in memory when absent. */
  dbFile?: string;
  /** Where the server's output goes; ignored when absent. */
  log?: NodeJS.WritableStream;
}

export interface DevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Waits until a Temporal frontend answers on the address. */
export async function waitForTemporal(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Temporal did not answer on ${address} within ${timeoutMs} ms: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** Starts `temporal server start-dev` with the project's search attributes registered. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn', ...searchAttributeCliFlags()];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.dbFile) args.push('--db-filename', options.dbFile);

  const child = spawn(findTool('temporal'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (options.log) {
    child.stdout?.pipe(options.log, { end: false });
    child.stderr?.pipe(options.log, { end: false });
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = `127.0.0.1:${options.port}`;
  const failedEarly = exited.then(() => {
    throw new Error(`temporal server start-dev exited before answering on ${address}`);
  });
  await Promise.race([waitForTemporal(address), failedEarly]);

  return {
    address,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
