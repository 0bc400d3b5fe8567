import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Peak resident memory and CPU time per process and per phase, sampled from /proc/<pid>/status and /proc/<pid>/stat. */
export interface ProcessReport {
  intervalMs: number;
  /** VmHWM at the end: the kernel's own peak of resident memory over the process's life, in MiB. */
  vmHwmMiB: Record<string, number | null>;
  /** Highest sampled VmRSS per phase and process, in MiB. */
  peakRssByPhaseMiB: Record<string, Record<string, number>>;
  /** CPU seconds (user + system) used per phase and process. */
  cpuSecondsByPhase: Record<string, Record<string, number>>;
  /** 1-minute load average at the end of each phase. */
  loadAverageByPhase: Record<string, number>;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null; // gone, or not Linux
  }
}

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // the usual value
}

/** utime + stime of the process, in seconds. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return NaN;
  }
}

/** The MariaDB/MySQL server on this machine, if it runs here: its CPU time counts every database it serves. */
export function findDatabaseServerPid(): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
        if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
      } catch {
        // raced with its exit
      }
    }
  } catch {
    // not Linux
  }
  return undefined;
}

export class ProcessSampler {
  private phase = 'start-up';
  private readonly peaks: Record<string, Record<string, number>> = {};
  private readonly cpu: Record<string, Record<string, number>> = {};
  private readonly load: Record<string, number> = {};
  private cpuAtPhaseStart: Record<string, number> = {};
  /** The pid each name had when the phase began: a process restarted within the phase starts from zero. */
  private pidAtPhaseStart: Record<string, number | undefined> = {};
  private readonly lastHwm: Record<string, number | null> = {};
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly processes: () => Record<string, number | undefined>,
    /** Processes whose memory is not ours to report (a shared database server): CPU time only. */
    private readonly cpuOnly: Record<string, number | undefined> = {},
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.cpuAtPhaseStart = this.cpuNow();
    this.pidAtPhaseStart = { ...this.processes(), ...this.cpuOnly };
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  enter(phase: string): void {
    this.closePhase();
    this.phase = phase;
  }

  stop(): ProcessReport {
    this.closePhase();
    if (this.timer) clearInterval(this.timer);
    const roundAll = (table: Record<string, Record<string, number>>, digits: number) =>
      Object.fromEntries(Object.entries(table).map(([phase, byProcess]) => [phase, Object.fromEntries(Object.entries(byProcess).map(([name, v]) => [name, Number(v.toFixed(digits))]))]));
    return {
      intervalMs: this.intervalMs,
      vmHwmMiB: Object.fromEntries(Object.entries(this.lastHwm).map(([name, v]) => [name, v === null ? null : Math.round(v)])),
      peakRssByPhaseMiB: roundAll(this.peaks, 0),
      cpuSecondsByPhase: roundAll(this.cpu, 1),
      loadAverageByPhase: this.load,
    };
  }

  private cpuNow(): Record<string, number> {
    const all = { ...this.processes(), ...this.cpuOnly };
    const out: Record<string, number> = {};
    for (const [name, pid] of Object.entries(all)) {
      const s = pid ? cpuSeconds(pid) : null;
      if (s !== null) out[name] = s;
    }
    return out;
  }

  private closePhase(): void {
    this.sample();
    const now = this.cpuNow();
    const pids = { ...this.processes(), ...this.cpuOnly };
    const base = (name: string, s: number) => (pids[name] !== this.pidAtPhaseStart[name] ? 0 : (this.cpuAtPhaseStart[name] ?? s));
    this.cpu[this.phase] = Object.fromEntries(Object.entries(now).map(([name, s]) => [name, s - base(name, s)]));
    this.load[this.phase] = loadAverage();
    this.cpuAtPhaseStart = now;
    this.pidAtPhaseStart = pids;
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.processes())) {
      if (!pid) continue;
      const rss = statusField(pid, 'VmRSS');
      const hwm = statusField(pid, 'VmHWM');
      if (hwm !== null) this.lastHwm[name] = hwm;
      if (rss === null) continue;
      const byProcess = (this.peaks[this.phase] ??= {});
      byProcess[name] = Math.max(byProcess[name] ?? 0, rss);
    }
  }
}
