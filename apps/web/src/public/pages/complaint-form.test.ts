import { describe, expect, it } from 'vitest';
import { complaintProblems, type ComplaintForm } from './complaint-form';

const valid: ComplaintForm = { category: 'FORCED_CHECKIN', subjectType: 'WORK_GROUP', subjectName: '某街道工作群', province: '440000', city: '440100', district: '', description: '要求每天在工作群打卡接龙并截图上报。', anonymous: false, name: '张三', phone: '13812345678' };

describe('the complaint form', () => {
  it('accepts a complete named complaint, and an anonymous one without name and phone', () => {
    expect(complaintProblems(valid)).toEqual({});
    expect(complaintProblems({ ...valid, anonymous: true, name: '', phone: '' })).toEqual({});
  });

  it('says in Chinese what is missing or wrong', () => {
    expect(complaintProblems({ ...valid, category: '', description: '太短', phone: 'abc' })).toEqual({
      category: '请选择问题类别',
      description: '请至少写 10 个字，说明时间、要求和影响',
      phone: '请填写正确的电话号码',
    });
    expect(complaintProblems({ ...valid, name: ' ' }).name).toBe('请填写姓名，或选择匿名');
  });
});
