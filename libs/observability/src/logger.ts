import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger as RootLogger } from 'pino';

export interface LoggerSettings {
  /** `api` or `worker`: every line says which process wrote it. */
  service: string;
  level: string;
  format: 'json' | 'pretty';
  /** Where lines go; standard output when not given (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

/**
 * Fields that may hold secrets or personal data, should anything ever log them: credentials, cookies,
 * access codes and complainants' particulars. Request lines carry no headers or bodies in the first place.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.password',
  '*.accessCode',
  '*.complainant',
];

/** The process's one pino logger; Nest's logger, request logs, activity logs and the Temporal SDK's all write through it. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  const destination = settings.destination ?? (settings.format === 'pretty' ? prettyStream() : undefined);
  return destination ? pino(options, destination) : pino(options);
}

/** Coloured single lines for a developer's console; pino-pretty is a dev dependency, so this is for `npm start` only. */
function prettyStream(): DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as (options: object) => DestinationStream;
  return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,context', messageFormat: '{if context}[{context}] {end}{msg}', singleLine: true });
}
