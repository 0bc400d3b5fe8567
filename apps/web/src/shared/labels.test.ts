import { describe, expect, it } from 'vitest';
import { localizeNote } from './labels';

describe('timeline notes', () => {
  it('shows the rules’ codes and field names in Chinese, leaving people’s words alone', () => {
    expect(localizeNote('SUBSTANTIATED (GENERAL): 确有强制打卡接龙')).toBe('属实 (一般): 确有强制打卡接龙');
    expect(localizeNote('plan: 取消打卡接龙; evidence: 整改通知')).toBe('整改方案：取消打卡接龙; 佐证材料：整改通知');
    expect(localizeNote('已责令取消 APP 打卡')).toBe('已责令取消 APP 打卡');
    expect(localizeNote('2 file(s): 整改通知和群规截图')).toBe('2 个文件: 整改通知和群规截图');
  });
});
