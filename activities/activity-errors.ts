import { ApplicationFailure } from '@temporalio/common';

/**
 * Which activity errors can never succeed by retrying, decided in one place for every activity.
 *
 * Activities retry without end (ACTIVITY_RETRY) so that a database outage loses nothing. An error that
 * no retry can cure (a bad argument, a null where the schema needs a value, a value the database refuses)
 * would then retry forever and freeze its case in silence. Those become non-retryable ApplicationFailures:
 * the workflow sees them at once and stalls the case visibly (README, "Stalled cases"). Everything else,
 * known transient or unknown, stays retryable.
 */

/** Raised by an adapter or a library for an argument that can never be served as it is. */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';
}

/** The ApplicationFailure types a permanent error becomes. */
export const PERMANENT_ERROR_TYPES = {
  database: 'DatabaseRefused',
  orm: 'OrmMisuse',
  programming: 'ProgrammingError',
  invalidArgument: 'InvalidArgument',
} as const;

/**
 * MySQL/MariaDB errors a retry cannot cure: the statement or its data is wrong, not the server's state.
 * By error number, as the driver's code name for a number can differ between the two servers (mysql2
 * names MariaDB's 4025, a CHECK constraint, after MySQL's 4025): the name given here is the one reported.
 */
const PERMANENT_SQL_ERRORS = new Map<number, string>([
  [1048, 'ER_BAD_NULL_ERROR'],
  [1406, 'ER_DATA_TOO_LONG'],
  [1292, 'ER_TRUNCATED_WRONG_VALUE'],
  [1366, 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD'],
  [1264, 'ER_WARN_DATA_OUT_OF_RANGE'],
  [1216, 'ER_NO_REFERENCED_ROW'],
  [1452, 'ER_NO_REFERENCED_ROW_2'],
  [1217, 'ER_ROW_IS_REFERENCED'],
  [1451, 'ER_ROW_IS_REFERENCED_2'],
  [1364, 'ER_NO_DEFAULT_FOR_FIELD'],
  [1054, 'ER_BAD_FIELD_ERROR'],
  [1064, 'ER_PARSE_ERROR'],
  [1136, 'ER_WRONG_VALUE_COUNT_ON_ROW'],
  [1146, 'ER_NO_SUCH_TABLE'],
  [3819, 'ER_CHECK_CONSTRAINT_VIOLATED'], // MySQL 8: a CHECK constraint
  [3140, 'ER_INVALID_JSON_TEXT'],
]);
/** MariaDB's CHECK constraint failure; in MySQL the number means something else, raised by DDL only (SQLSTATE HY000). */
const MARIADB_CONSTRAINT_FAILED = { errno: 4025, sqlState: '23000', name: 'ER_CONSTRAINT_FAILED' };

/** TypeORM errors that say the call itself is wrong (TypeORM 1.x names). */
const PERMANENT_ORM_ERRORS = new Set([
  'UpdateValuesMissingError',
  'InsertValuesMissingError',
  'EntityPropertyNotFoundError',
  'EntityMetadataNotFoundError',
  'FindRelationsNotFoundError',
  'MustBeEntityError',
  'CannotDetermineEntityError',
  'SubjectWithoutIdentifierError',
  'LimitOnUpdateNotSupportedError',
  'OffsetWithoutLimitNotSupportedError',
  'PrimaryColumnCannotBeNullableError',
]);

/** TypeORM refuses a null or undefined value in a where condition with a plain TypeORMError. */
const INVALID_WHERE_VALUE = /^(Null|Undefined) value encountered in property '([\w.]+)' of a where condition/;

interface SqlFacts {
  errno?: unknown;
  sqlState?: unknown;
  sqlMessage?: unknown;
}

interface ErrorFacts extends SqlFacts {
  name: string;
  message: string;
  driverError?: SqlFacts;
}

/** The name of a permanent server error, or null (transient, or not from the server). */
function permanentSqlError({ errno, sqlState }: SqlFacts): string | null {
  if (typeof errno !== 'number') return null;
  if (errno === MARIADB_CONSTRAINT_FAILED.errno) return sqlState === MARIADB_CONSTRAINT_FAILED.sqlState ? MARIADB_CONSTRAINT_FAILED.name : null;
  return PERMANENT_SQL_ERRORS.get(errno) ?? null;
}

/**
 * The non-retryable failure an activity error becomes, or null when it stays retryable. The message names
 * the activity, the kind of error and, for the database, the column or constraint: never the values, the
 * SQL or its parameters, which may carry personal data.
 */
export function classifyActivityError(activity: string, error: unknown): ApplicationFailure | null {
  if (error instanceof ApplicationFailure) return null; // already decided by whoever raised it
  if (!(error instanceof Error)) return null;
  const facts = error as unknown as ErrorFacts;

  const sqlError = permanentSqlError(facts.driverError ?? facts);
  if (sqlError !== null) {
    const target = sqlTarget(stringOrNull(facts.driverError?.sqlMessage) ?? stringOrNull(facts.sqlMessage) ?? '');
    return permanent(PERMANENT_ERROR_TYPES.database, `${activity}: ${sqlError}${target ? ` on ${target}` : ''}`, error);
  }
  if (PERMANENT_ORM_ERRORS.has(facts.name)) return permanent(PERMANENT_ERROR_TYPES.orm, `${activity}: ${facts.name}`, error);
  const where = INVALID_WHERE_VALUE.exec(facts.message);
  if (facts.name === 'TypeORMError' && where) {
    return permanent(PERMANENT_ERROR_TYPES.orm, `${activity}: ${where[1].toLowerCase()} value in the where condition on ${where[2]}`, error);
  }
  if (error instanceof InvalidArgumentError) return permanent(PERMANENT_ERROR_TYPES.invalidArgument, `${activity}: invalid argument: ${scrub(error.message)}`, error);
  // A TypeError with a cause is how fetch reports a network failure: transient.
  if ((error instanceof TypeError && error.cause === undefined) || error instanceof RangeError) return permanent(PERMANENT_ERROR_TYPES.programming, `${activity}: ${error.name}: ${scrub(error.message)}`, error);
  return null;
}

/** Every activity of the object, its errors classified: the one place activities get this. */
export function withErrorClassification<T extends object>(activities: T): T {
  const classified: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities)) {
    if (typeof activity !== 'function') {
      classified[name] = activity;
      continue;
    }
    classified[name] = {
      // A named function, so the worker registers the activity under the same name.
      async [name](...args: unknown[]): Promise<unknown> {
        try {
          return await (activity as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          throw classifyActivityError(name, error) ?? error;
        }
      },
    }[name];
  }
  return classified as T;
}

function permanent(type: string, message: string, cause: Error): ApplicationFailure {
  // The cause's own message may carry values; only its name travels, in `details`.
  return ApplicationFailure.create({ type, message: message.slice(0, 300), nonRetryable: true, details: [{ error: cause.name }] });
}

/** `column 'x'` or `constraint 'y'` from a server message, never the value it quotes. */
function sqlTarget(sqlMessage: string): string | null {
  const column = /column (?:[`'][\w$]+[`']\.)*[`']([\w$]+)[`']/i.exec(sqlMessage);
  if (column) return `column ${column[1]}`;
  const constraint = /CONSTRAINT [`']([\w$]+)[`']/i.exec(sqlMessage);
  if (constraint) return `constraint ${constraint[1]}`;
  const foreignKey = /FOREIGN KEY \([`']([\w$]+)[`']\)/i.exec(sqlMessage);
  return foreignKey ? `foreign key ${foreignKey[1]}` : null;
}

/**
 * A programming error's message, kept for what it names in code (`reading 'organizationId'`) but with
 * anything that could be data replaced: quoted text that is not an identifier, and runs of digits.
 */
export function scrub(message: string): string {
  return message
    .replace(/(['"`])(.*?)\1/g, (quoted, quote: string, inner: string) => (/^[A-Za-z_$][\w$.]{0,63}$/.test(inner) ? quoted : `${quote}…${quote}`))
    .replace(/\d{3,}/g, '#')
    .slice(0, 200);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
