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

  it('names the administration refusals with organization kinds and roles in Chinese', () => {
    const misplaced = errorCodeOf(400, 'parentId: a PROVINCIAL_OFFICE cannot be placed under a CITY_OFFICE');
    expect(misplaced).toEqual({ code: 'ORGANIZATION_KIND_NOT_UNDER', params: ['PROVINCIAL_OFFICE', 'CITY_OFFICE'] });
    expect(errorTextZh(400, misplaced.code, misplaced.params)).toBe('市级网信办下不能设立省级网信办');
    const home = errorCodeOf(400, 'role: a HANDLER belongs to a CENTRAL_OFFICE or PROVINCIAL_OFFICE or CITY_OFFICE, not a HOST_UNIT');
    expect(errorTextZh(400, home.code, home.params)).toBe('承办人只能设在中央网信办或省级网信办或市级网信办，不能设在主办（使用）单位');
    expect(errorCodeOf(409, 'username zhang.san is taken')).toEqual({ code: 'USERNAME_TAKEN', params: ['zhang.san'] });
    expect(errorCodeOf(403, 'Only the central office changes national settings').code).toBe('CENTRAL_OFFICE_ONLY');
    expect(errorCodeOf(400, 'Invalid SLA terms: terms.maxExtension').code).toBe('SLA_TERMS_INVALID');
  });
});
