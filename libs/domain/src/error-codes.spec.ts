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

  it('names every evidence refusal, with its values', () => {
    expect(errorCodeOf(400, 'file 2 is not an allowed type')).toEqual({ code: 'EVIDENCE_TYPE_NOT_ALLOWED', params: ['2'] });
    expect(errorTextZh(400, 'EVIDENCE_TOO_LARGE', ['1', '10'])).toBe('第1个文件超过10MB');
    expect(errorCodeOf(413, 'File too large')).toEqual({ code: 'EVIDENCE_FILE_TOO_LARGE' });
    expect(errorCodeOf(400, 'Unexpected field - file')).toEqual({ code: 'EVIDENCE_UNEXPECTED_FIELD' });
    expect(errorCodeOf(400, 'Multipart: Unexpected end of form')).toEqual({ code: 'EVIDENCE_UNEXPECTED_FIELD' });
    expect(errorCodeOf(409, 'The stored file does not match its recorded SHA-256; the download was refused and reported').code).toBe('EVIDENCE_INTEGRITY');
    expect(errorCodeOf(403, 'The download link is invalid or has expired').code).toBe('DOWNLOAD_LINK_INVALID');
    expect(errorCodeOf(409, 'the host unit attaches evidence only during rectification').code).toBe('EVIDENCE_HOST_UNIT_STEP');
    expect(errorCodeOf(404, 'Evidence file not found').code).toBe('NOT_FOUND');
    expect(errorCodeOf(409, 'the case is still being registered: try again in a moment').code).toBe('CASE_REGISTERING');
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
