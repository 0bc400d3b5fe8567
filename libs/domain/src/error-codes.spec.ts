import { errorCodeOf, errorTextZh } from './error-codes';

describe('error codes', () => {
  it('gives a refusal its stable code and values, and the values their zh-CN labels', () => {
    const code = errorCodeOf(409, 'reply is not allowed while the case is SUBMITTED');
    expect(code).toEqual({ code: 'ACTION_NOT_IN_STEP', params: ['reply', 'SUBMITTED'] });
    expect(errorTextZh(409, code.code, code.params)).toBe('案件处于「待受理」环节，不能答复投诉人');
    expect(errorTextZh(403, 'ACTION_NEEDS_ROLE', ['sign', 'HOST_UNIT_OPERATOR'])).toBe('签收整改通知需由主办单位经办人办理');
  });

  it('falls back to the status when the message is not known, and keeps validation errors generic', () => {
    expect(errorCodeOf(409, 'something new')).toEqual({ code: 'CONFLICT' });
    expect(errorCodeOf(400, 'Validation failed: note')).toEqual({ code: 'BAD_REQUEST' });
    expect(errorCodeOf(404, 'Case not found')).toEqual({ code: 'NOT_FOUND' });
    expect(errorTextZh(418, undefined)).toBe('系统出错，请稍后再试');
  });
});
