import { accessSync, constants } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
// Anything but true/false/1/0 is left as it is, so validation names it.
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : value;
};

/**
 * Every setting the API and the worker read, with its environment variable and default.
 * README.md ("Configuration") documents the same list.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Seeds the demo organizations and users into an empty database; only when asked for (npm start sets it). */
  @Transform(toBool) @IsBoolean()
  SEED_DEMO = false;

  @IsString() @IsNotEmpty()
  API_HOST = '127.0.0.1';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  API_PORT = 3000;

  @IsString() @IsNotEmpty()
  DB_HOST = '127.0.0.1';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  DB_PORT = 3306;

  @IsString() @IsNotEmpty()
  DB_USER = 'root';

  @IsString()
  DB_PASSWORD = '';

  @IsString() @IsNotEmpty()
  DB_NAME = 'fingertip_cases';

  /** The migration job's user (DDL, and grants the application user its table privileges). Empty: DB_USER. */
  @IsString()
  DB_MIGRATE_USER = '';

  /** Only with DB_MIGRATE_USER. */
  @IsString()
  DB_MIGRATE_PASSWORD = '';

  /** Host part of the application user's account, for the grants the migration job gives it. */
  @IsString() @IsNotEmpty()
  DB_USER_HOST = '%';

  /** Connections each process (API or worker) keeps to the database at most; every replica has its own pool. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  DB_POOL_SIZE = 20;

  @IsString() @IsNotEmpty()
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString() @IsNotEmpty()
  TEMPORAL_NAMESPACE = 'default';

  @IsString() @IsNotEmpty()
  TEMPORAL_TASK_QUEUE = 'cases';

  /** Worker: workflow tasks run at once (one per workflow at a time; each is a slice of a case's decision). */
  @Transform(toInt) @IsInt() @Min(2) @Max(10000)
  WORKER_MAX_WORKFLOW_TASKS = 40;

  /** Worker: activities (projection writes, notices, referral packages) run at once. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  WORKER_MAX_ACTIVITIES = 100;

  /** Worker: local activities run at once (in the worker, beside the workflow task that asked for them). */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  WORKER_MAX_LOCAL_ACTIVITIES = 100;

  /**
   * Worker: workflows kept in memory between tasks (the sticky cache); 0 replays each case's history on every
   * task. Unset: 4 MiB of heap a case above the first 200 MiB (apps/worker defaultWorkflowCache).
   */
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) @Max(1000000)
  WORKER_MAX_CACHED_WORKFLOWS: number | undefined = undefined;

  /** Worker: the name it gives Temporal (in the histories' WorkflowTaskCompleted and ActivityTaskStarted). Empty: pid@hostname. */
  @IsString()
  WORKER_IDENTITY = '';

  /** TLS to the Temporal frontend with the system's CAs; implied by any TEMPORAL_TLS_* file or TEMPORAL_API_KEY. */
  @Transform(toBool) @IsBoolean()
  TEMPORAL_TLS = false;

  /** Paths of the client certificate and its key (PEM) for mTLS; both or neither. */
  @IsString()
  TEMPORAL_TLS_CERT = '';

  @IsString()
  TEMPORAL_TLS_KEY = '';

  /** Path of the CA (PEM) that signed the frontend's certificate, when it is not a public one. */
  @IsString()
  TEMPORAL_TLS_CA = '';

  /** Name expected in the frontend's certificate, when it differs from the host of TEMPORAL_ADDRESS. */
  @IsString()
  TEMPORAL_TLS_SERVER_NAME = '';

  /** Bearer API key sent to the frontend (Temporal Cloud or a server with an authorizer); always over TLS. */
  @IsString()
  TEMPORAL_API_KEY = '';

  /** Signs access tokens. No default: a deployment must choose its own. */
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 3600;

  /** Keys the HMACs behind access codes and idempotent case ids. No default. */
  @IsString() @MinLength(32, { message: 'INTAKE_SECRET must be at least 32 characters' })
  INTAKE_SECRET: string;

  /** Keyring for complainants' personal data: "id:base64-of-32-bytes[,id:...]". No default. */
  @IsString() @IsNotEmpty()
  PII_KEYS: string;

  /** Which key of PII_KEYS seals new values. */
  @IsString() @IsNotEmpty()
  PII_ACTIVE_KEY_ID: string;

  /** Requests a minute per client IP to the public endpoints together (complaints, public case pages). */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 30;

  /** Login requests a minute per client IP. */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_LOGIN_PER_MINUTE = 10;

  /** Requests a minute per signed-in user (per client IP before sign-in) to the staff endpoints together. */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_STAFF_PER_MINUTE = 600;

  /** Requests a minute per user to GET /api/v1/audit/verify, which reads the whole trail. */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE = 6;

  /** Consecutive failed logins for one username (known or not) that lock it. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_LOCKOUT_SECONDS = 900;

  /** An unlocked username's failure count is forgotten this long after its last failure; old rows are deleted. */
  @Transform(toInt) @IsInt() @Min(60)
  LOGIN_ATTEMPT_TTL_SECONDS = 86400;

  /** How often each API replica starts the calendar broadcasts that Temporal has not accepted yet. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  CALENDAR_BROADCAST_RETRY_SECONDS = 15;

  /** How often each worker seals the audit chains' heads into a new anchor; 0 turns the timer off (README "Audit trail"). */
  @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  AUDIT_ANCHOR_SECONDS = 60;

  /** Bearer token that shows /health's details to a caller that is not on this host. Empty: only local callers see them. */
  @IsString() @ValidateIf((c: AppConfig) => c.HEALTH_TOKEN !== '') @MinLength(32, { message: 'HEALTH_TOKEN must be empty or at least 32 characters' })
  HEALTH_TOKEN = '';

  /** Registry: an active entry without a content update or use for longer than this many days is flagged dormant. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  REGISTRY_DORMANT_DAYS = 180;

  /** Registry: a host unit with more open public accounts than this has its accounts flagged as too many. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  REGISTRY_MAX_ACCOUNTS_PER_UNIT = 5;

  /** Lowest level written to the log: trace, debug, info, warn, error, fatal or silent. */
  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent' = 'info';

  /** json: one JSON object a line (production, log collectors); pretty: coloured lines for a developer's console (needs the dev dependency pino-pretty). */
  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  /** Address the ops listeners (metrics, worker probes) bind to; not the public API's. */
  @IsString() @IsNotEmpty()
  OPS_HOST = '127.0.0.1';

  /** The API's Prometheus metrics (GET /metrics) on a listener of its own; 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  METRICS_PORT = 9464;

  /** The worker's ops listener: /live, /ready and /metrics; 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  WORKER_OPS_PORT = 9465;

  /** The Temporal SDK's own metrics (the worker's runtime telemetry, /metrics); 0 turns them off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  TEMPORAL_METRICS_PORT = 9466;

  /** Behind one reverse proxy: take the client IP from the address it appends to X-Forwarded-For. */
  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  /** Where evidence files are stored: `disk` (STORAGE_DIR) or `s3` (any S3-compatible store, S3_* settings). */
  @IsIn(['disk', 's3'])
  STORAGE_DRIVER: 'disk' | 's3' = 'disk';

  /** The directory of the disk storage; relative paths start at the working directory. */
  @IsString() @IsNotEmpty()
  STORAGE_DIR = '.data/evidence';

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3') @IsString() @IsNotEmpty({ message: 'S3_ENDPOINT is required when STORAGE_DRIVER is s3' })
  S3_ENDPOINT = '';

  @IsString() @IsNotEmpty()
  S3_REGION = 'us-east-1';

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3') @IsString() @IsNotEmpty({ message: 'S3_BUCKET is required when STORAGE_DRIVER is s3' })
  S3_BUCKET = '';

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3') @IsString() @IsNotEmpty({ message: 'S3_ACCESS_KEY_ID is required when STORAGE_DRIVER is s3' })
  S3_ACCESS_KEY_ID = '';

  @ValidateIf((c: AppConfig) => c.STORAGE_DRIVER === 's3') @IsString() @IsNotEmpty({ message: 'S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER is s3' })
  S3_SECRET_ACCESS_KEY = '';

  /** Path-style addressing (endpoint/bucket/key), as MinIO and SeaweedFS expect. */
  @Transform(toBool) @IsBoolean()
  S3_FORCE_PATH_STYLE = true;

  /** A prefix for the keys inside the bucket, e.g. `evidence/`. */
  @IsString()
  S3_PREFIX = '';

  /** How long a signed download link stays valid. */
  @Transform(toInt) @IsInt() @Min(10) @Max(3600)
  DOWNLOAD_LINK_TTL_SECONDS = 300;
}

export class ConfigError extends Error {}

/** Settings only the API and the worker need; the migration job runs without them. */
const APP_SECRETS = new Set(['JWT_SECRET', 'INTAKE_SECRET', 'PII_KEYS', 'PII_ACTIVE_KEY_ID']);

/**
 * Reads and validates the configuration; a missing or bad setting stops start-up with every problem named.
 * `appSecrets: false` (the migration job) neither needs nor checks the application's secrets.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { appSecrets?: boolean } = {}): AppConfig {
  const known = Object.keys(new AppConfigShape());
  const picked = Object.fromEntries(known.filter((key) => env[key] !== undefined).map((key) => [key, env[key]]));
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  // Messages name settings and paths, never values: a secret must not reach a log through a config error.
  const lines = [
    ...errors
      .filter((e) => options.appSecrets !== false || !APP_SECRETS.has(e.property))
      .flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`)),
    ...crossFieldProblems(config).map((m) => `  - ${m}`),
  ];
  if (lines.length > 0) {
    throw new ConfigError(`Invalid configuration (see README.md, "Configuration"):\n${lines.join('\n')}`);
  }
  return config;
}

function crossFieldProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (config.DB_MIGRATE_PASSWORD !== '' && config.DB_MIGRATE_USER === '') problems.push('DB_MIGRATE_PASSWORD: set DB_MIGRATE_USER too, or leave both empty to migrate as DB_USER');
  if ((config.TEMPORAL_TLS_CERT === '') !== (config.TEMPORAL_TLS_KEY === '')) {
    problems.push('TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY: a client certificate needs its key, and a key its certificate');
  }
  for (const name of ['TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_CA'] as const) {
    const path = config[name];
    if (path === '') continue;
    try {
      accessSync(path, constants.R_OK);
    } catch {
      problems.push(`${name}: cannot read the file ${path}`);
    }
  }
  if (config.TEMPORAL_TLS_SERVER_NAME !== '' && !temporalUsesTls(config)) problems.push('TEMPORAL_TLS_SERVER_NAME: only meaningful with TLS (TEMPORAL_TLS=true or a TEMPORAL_TLS_* file)');
  if (/\s/.test(config.TEMPORAL_API_KEY)) problems.push('TEMPORAL_API_KEY: contains white space (a line break copied with it?)');
  return problems;
}

/** Whether the Temporal connection uses TLS: asked for, a certificate or CA given, or an API key (never sent in clear). */
export function temporalUsesTls(config: Pick<AppConfig, 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_API_KEY'>): boolean {
  return config.TEMPORAL_TLS || config.TEMPORAL_TLS_CERT !== '' || config.TEMPORAL_TLS_CA !== '' || config.TEMPORAL_API_KEY !== '';
}

/** The credentials migrations run with: DB_MIGRATE_USER's when set, else the application's own. */
export function migrationDbCredentials(config: Pick<AppConfig, 'DB_USER' | 'DB_PASSWORD' | 'DB_MIGRATE_USER' | 'DB_MIGRATE_PASSWORD'>): { DB_USER: string; DB_PASSWORD: string } {
  return config.DB_MIGRATE_USER !== ''
    ? { DB_USER: config.DB_MIGRATE_USER, DB_PASSWORD: config.DB_MIGRATE_PASSWORD }
    : { DB_USER: config.DB_USER, DB_PASSWORD: config.DB_PASSWORD };
}

/** The same fields as AppConfig, all present, so their names can be listed. */
class AppConfigShape extends AppConfig {
  override JWT_SECRET = '';
  override INTAKE_SECRET = '';
  override PII_KEYS = '';
  override PII_ACTIVE_KEY_ID = '';
}
