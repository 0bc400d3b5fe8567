import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { AppConfig } from '@app/config';

const LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** The Temporal SDK's log lines (worker, workflows, activities, core) into the process's JSON log. */
export class PinoSdkLogger implements SdkLogger {
  constructor(private readonly logger: Logger) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.logger[LEVELS[level]]({ ...meta }, message);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

/**
 * Installs the process's Temporal runtime, before any connection or worker exists: the SDK logs through
 * `logger`, and its own metrics (task latencies, schedule-to-start, slots, polls) are served for
 * Prometheus at OPS_HOST:TEMPORAL_METRICS_PORT/metrics, durations in seconds.
 */
export function installWorkerRuntime(config: Pick<AppConfig, 'OPS_HOST' | 'TEMPORAL_METRICS_PORT'>, logger: Logger): Runtime {
  const port = config.TEMPORAL_METRICS_PORT;
  return Runtime.install({
    logger: new PinoSdkLogger(logger.child({ component: 'temporal-sdk' })),
    telemetryOptions:
      port === 0 ? undefined : { metrics: { prometheus: { bindAddress: `${config.OPS_HOST}:${port}`, useSecondsForDurations: true, unitSuffix: true, countersTotalSuffix: true } } },
  });
}
