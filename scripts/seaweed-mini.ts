import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { isPortOpen } from './temporal-dev-server';
import { findTool } from './toolchain';

export interface SeaweedMini {
  /** The S3 endpoint, e.g. http://127.0.0.1:41234 */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The server's output, kept for a failing test to show. */
  logFile: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `weed mini` (SeaweedFS: master, volume, filer and S3 gateway in one process) on free ports with a
 * temporary data directory, one bucket and one identity. Credentials come from an S3 config file
 * (`-s3.config`): with it the gateway checks every request's signature, and a wrong key is refused.
 */
export async function startSeaweedMini(options: { bucket?: string } = {}): Promise<SeaweedMini> {
  const bucket = options.bucket ?? 'evidence';
  const dir = await mkdtemp(join(tmpdir(), 'seaweed-'));
  await mkdir(join(dir, 'data'));
  const accessKeyId = `test${Math.random().toString(36).slice(2, 10)}`;
  const secretAccessKey = `secret${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const s3Config = join(dir, 's3.json');
  await writeFile(s3Config, JSON.stringify({ identities: [{ name: 'app', credentials: [{ accessKey: accessKeyId, secretKey: secretAccessKey }], actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'] }] }));

  // Every listener gets a port of its own, so parallel runs and other stacks never meet.
  const ports: Record<string, number> = {};
  for (const name of ['master', 'masterGrpc', 'volume', 'volumeGrpc', 'filer', 'filerGrpc', 's3', 's3Grpc', 'admin', 'adminGrpc', 'webdav']) ports[name] = await freePort();
  const args = [
    'mini',
    `-dir=${join(dir, 'data')}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-master.port=${ports.master}`,
    `-master.port.grpc=${ports.masterGrpc}`,
    '-master.telemetry=false',
    `-volume.port=${ports.volume}`,
    `-volume.port.grpc=${ports.volumeGrpc}`,
    `-filer.port=${ports.filer}`,
    `-filer.port.grpc=${ports.filerGrpc}`,
    `-s3.port=${ports.s3}`,
    `-s3.port.grpc=${ports.s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.config=${s3Config}`,
    `-admin.port=${ports.admin}`,
    `-admin.port.grpc=${ports.adminGrpc}`,
    '-admin.ui=false',
    `-webdav.port=${ports.webdav}`,
    '-webdav=false',
    `-bucket=${bucket}`,
  ];
  const logFile = join(dir, 'weed.log');
  const log = createWriteStream(logFile);
  const child = spawn(findTool('weed'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited = false;
  child.once('exit', () => (exited = true));

  const endpoint = `http://127.0.0.1:${ports.s3}`;
  const stop = async () => {
    if (!exited) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    log.end();
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (!(await isPortOpen(ports.s3))) {
    if (exited || Date.now() > deadline) {
      await stop().catch(() => undefined);
      throw new Error(`weed mini did not open its S3 port ${ports.s3} within 60 s${exited ? ' (it exited)' : ''}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { endpoint, bucket, accessKeyId, secretAccessKey, logFile, process: child, stop };
}
