import { isDatabaseUnreachable } from './http-exception.filter';

describe('isDatabaseUnreachable', () => {
  it('recognises a refused or lost database connection, raw or wrapped by TypeORM', () => {
    expect(isDatabaseUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnreachable({ message: 'query failed', driverError: { code: 'PROTOCOL_CONNECTION_LOST' } })).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isDatabaseUnreachable(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' }))).toBe(false);
    expect(isDatabaseUnreachable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
  });
});
