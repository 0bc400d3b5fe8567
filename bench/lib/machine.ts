import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Connection } from 'mysql2/promise';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  loadAverageAtStart: number[];
  kernel: string;
  node: string;
  temporalCli: string;
  mariadb: string;
}

function cpuModel(): string {
  try {
    const match = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (match) return match[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

export async function describeMachine(temporalBinary: string, db: Connection): Promise<MachineInfo> {
  let temporalCli = 'unknown';
  try {
    temporalCli = execFileSync(temporalBinary, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch (error) {
    temporalCli = `unknown (${(error as Error).message})`;
  }
  const [rows] = await db.query('SELECT VERSION() AS version');
  let kernel = 'unknown';
  try {
    kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  } catch {
    // not Linux
  }
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    kernel,
    node: process.version,
    temporalCli,
    mariadb: String((rows as Array<{ version: string }>)[0].version),
  };
}
