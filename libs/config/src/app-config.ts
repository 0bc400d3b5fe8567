import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

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

  @IsString() @IsNotEmpty()
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString() @IsNotEmpty()
  TEMPORAL_NAMESPACE = 'default';

  @IsString() @IsNotEmpty()
  TEMPORAL_TASK_QUEUE = 'cases';

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

  /** Bearer token that shows /health's details to a caller that is not on this host. Empty: only local callers see them. */
  @IsString() @ValidateIf((c: AppConfig) => c.HEALTH_TOKEN !== '') @MinLength(32, { message: 'HEALTH_TOKEN must be empty or at least 32 characters' })
  HEALTH_TOKEN = '';

  /** Registry: an active entry without a content update or use for longer than this many days is flagged dormant. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  REGISTRY_DORMANT_DAYS = 180;

  /** Registry: a host unit with more open public accounts than this has its accounts flagged as too many. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  REGISTRY_MAX_ACCOUNTS_PER_UNIT = 5;

  /** Behind one reverse proxy: take the client IP from the address it appends to X-Forwarded-For. */
  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;
}

export class ConfigError extends Error {}

/** Reads and validates the configuration; a missing or bad setting stops start-up with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfigShape());
  const picked = Object.fromEntries(known.filter((key) => env[key] !== undefined).map((key) => [key, env[key]]));
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`));
    throw new ConfigError(`Invalid configuration (see README.md, "Configuration"):\n${lines.join('\n')}`);
  }
  return config;
}

/** The same fields as AppConfig, all present, so their names can be listed. */
class AppConfigShape extends AppConfig {
  override JWT_SECRET = '';
  override INTAKE_SECRET = '';
  override PII_KEYS = '';
  override PII_ACTIVE_KEY_ID = '';
}
