import { ApplicationFailure } from '@temporalio/common';
import { EntityPropertyNotFoundError, QueryFailedError, TypeORMError, UpdateValuesMissingError } from 'typeorm';
import { classifyActivityError, InvalidArgumentError, PERMANENT_ERROR_TYPES, scrub, withErrorClassification } from './activity-errors';

/** A driver error as mysql2 raises it; its message and SQL quote the values. */
function driverError(code: string, errno: number, sqlMessage: string, sqlState = 'HY000'): Error {
  return Object.assign(new Error(sqlMessage), { code, errno, sqlState, sqlMessage, sql: "INSERT INTO x VALUES ('张三', '13812345678')" });
}
const queryFailed = (code: string, errno: number, sqlMessage: string, sqlState?: string) =>
  new QueryFailedError('UPDATE cases SET reply = ? WHERE id = ?', ['张三的电话 13812345678', 'case-1'], driverError(code, errno, sqlMessage, sqlState));

const PERSONAL = /张三|13812345678|电话/;

describe('classifyActivityError: permanent errors become non-retryable, transient ones stay retryable', () => {
  it.each([
    ['ER_BAD_NULL_ERROR', 1048, "Column 'organization_id' cannot be null", 'projectCase: ER_BAD_NULL_ERROR on column organization_id', 'HY000'],
    ['ER_DATA_TOO_LONG', 1406, "Data too long for column 'reply' at row 1", 'projectCase: ER_DATA_TOO_LONG on column reply', 'HY000'],
    ['ER_TRUNCATED_WRONG_VALUE', 1292, "Incorrect datetime value: '张三 13812345678' for column `db`.`cases`.`deadline_at` at row 1", 'projectCase: ER_TRUNCATED_WRONG_VALUE on column deadline_at', 'HY000'],
    ['ER_NO_REFERENCED_ROW_2', 1452, 'Cannot add or update a child row: a foreign key constraint fails (`db`.`notifications`, CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`))', 'projectCase: ER_NO_REFERENCED_ROW_2 on constraint fk_user', 'HY000'],
    ['ER_CHECK_CONSTRAINT_VIOLATED', 3819, "Check constraint 'chk_reply' is violated.", 'projectCase: ER_CHECK_CONSTRAINT_VIOLATED', 'HY000'],
    // MariaDB's CHECK failure: mysql2 names errno 4025 after MySQL's meaning of the number.
    ['ER_INNODB_AUTOEXTEND_SIZE_OUT_OF_RANGE', 4025, 'CONSTRAINT `chk_reply` failed for `db`.`cases`', 'projectCase: ER_CONSTRAINT_FAILED on constraint chk_reply', '23000'],
  ])('QueryFailedError %s -> non-retryable, the column or constraint named, no value', (code, errno, sqlMessage, message, sqlState) => {
    const failure = classifyActivityError('projectCase', queryFailed(code, errno, sqlMessage, sqlState));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: PERMANENT_ERROR_TYPES.database, nonRetryable: true });
    expect(failure!.message.startsWith(message)).toBe(true);
    expect(failure!.message).not.toMatch(PERSONAL);
    expect(JSON.stringify(failure!.details)).not.toMatch(PERSONAL);
  });

  it.each([
    ['ER_LOCK_WAIT_TIMEOUT', 1205, 'Lock wait timeout exceeded; try restarting transaction'],
    ['ER_LOCK_DEADLOCK', 1213, 'Deadlock found when trying to get lock; try restarting transaction'],
    ['ER_SERVER_SHUTDOWN', 1053, 'Server shutdown in progress'],
    ['ER_CON_COUNT_ERROR', 1040, 'Too many connections'],
    ['ER_INNODB_AUTOEXTEND_SIZE_OUT_OF_RANGE', 4025, 'a MySQL DDL error, not a constraint'],
  ])('QueryFailedError %s stays retryable', (code, errno, sqlMessage) => {
    expect(classifyActivityError('projectCase', queryFailed(code, errno, sqlMessage))).toBeNull();
  });

  it.each([
    ['connection refused (database down)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED', errno: -111 })],
    ['connection lost', Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a network failure reported as TypeError with a cause', new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })],
    ['an error nobody classified', new Error('something unexpected')],
    ['not an Error at all', 'a string'],
  ])('%s stays retryable', (_what, error) => {
    expect(classifyActivityError('registerCase', error)).toBeNull();
  });

  it('TypeORM: a null in a where condition (the supervise-in-REVISIT notice) is non-retryable, naming the property', () => {
    const error = new TypeORMError(
      "Null value encountered in property 'UserEntity.organizationId' of a where condition. To match with SQL NULL, the IsNull() operator must be used. Set 'invalidWhereValuesBehavior.null' to 'ignore' or 'sql-null' in connection options to skip or handle null values.",
    );
    expect(classifyActivityError('sendNotice', error)).toMatchObject({
      type: PERMANENT_ERROR_TYPES.orm,
      nonRetryable: true,
      message: 'sendNotice: null value in the where condition on UserEntity.organizationId',
    });
  });

  it('TypeORM: UpdateValuesMissingError and EntityPropertyNotFoundError are non-retryable', () => {
    expect(classifyActivityError('projectCase', new UpdateValuesMissingError())).toMatchObject({ type: PERMANENT_ERROR_TYPES.orm, nonRetryable: true, message: 'projectCase: UpdateValuesMissingError' });
    const notFound = Object.assign(Object.create(EntityPropertyNotFoundError.prototype) as Error, { message: 'Property "phone" was not found in "CaseEntity".' });
    expect(classifyActivityError('projectCase', notFound)).toMatchObject({ nonRetryable: true, message: 'projectCase: EntityPropertyNotFoundError' });
  });

  it('TypeError, RangeError and invalid arguments are non-retryable; quoted data and digit runs are scrubbed', () => {
    const typeError = classifyActivityError('sendNotice', new TypeError("Cannot read properties of null (reading 'organizationId')"));
    expect(typeError).toMatchObject({ type: PERMANENT_ERROR_TYPES.programming, nonRetryable: true, message: "sendNotice: TypeError: Cannot read properties of null (reading 'organizationId')" });
    expect(classifyActivityError('computeDeadline', new RangeError('Invalid time value'))).toMatchObject({ nonRetryable: true, message: 'computeDeadline: RangeError: Invalid time value' });
    const invalid = classifyActivityError('sendNotice', new InvalidArgumentError("recipient '张三' with phone 13812345678 has no organization"));
    expect(invalid).toMatchObject({ type: PERMANENT_ERROR_TYPES.invalidArgument, nonRetryable: true });
    expect(invalid!.message).not.toMatch(PERSONAL);
    expect(scrub('value "13812345678" for \'organizationId\' in "张三"')).toBe('value "…" for \'organizationId\' in "…"');
  });

  it('an ApplicationFailure raised on purpose is left as it is', () => {
    expect(classifyActivityError('x', ApplicationFailure.retryable('try again'))).toBeNull();
  });
});

describe('withErrorClassification', () => {
  it('keeps names and results, and turns permanent errors into non-retryable failures', async () => {
    const wrapped = withErrorClassification({
      async ok(n: number) {
        return n + 1;
      },
      async broken(): Promise<void> {
        throw new TypeError("Cannot read properties of null (reading 'x')");
      },
      async down(): Promise<void> {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    });
    expect(Object.keys(wrapped)).toEqual(['ok', 'broken', 'down']);
    expect(wrapped.ok.name).toBe('ok');
    await expect(wrapped.ok(1)).resolves.toBe(2);
    await expect(wrapped.broken()).rejects.toMatchObject({ nonRetryable: true, message: "broken: TypeError: Cannot read properties of null (reading 'x')" });
    await expect(wrapped.down()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
