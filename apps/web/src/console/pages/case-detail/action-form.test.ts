import { describe, expect, it } from 'vitest';
import { ACTION_RULES } from '@app/domain';
import type { ActionField } from '../../../shared/types';
import { bodyFrom, choicesOf, rulesFor, widgetOf } from './action-form';

const field = (action: keyof typeof ACTION_RULES, name: string) => ACTION_RULES[action].fields.find((f) => f.name === name) as ActionField;

async function check(f: ActionField, value: unknown): Promise<string[]> {
  const errors: string[] = [];
  for (const rule of rulesFor(f)) {
    if (rule.validator) await rule.validator(rule, value).catch((e: Error) => errors.push(e.message));
  }
  return errors;
}

describe('action forms from the lifecycle table', () => {
  it('labels choices in Chinese and picks the widget from the field', () => {
    expect(choicesOf(field('finding', 'result')).map((c) => c.label)).toEqual(['属实', '部分属实', '不属实']);
    expect(widgetOf(field('dispatch', 'hostUnitId'))).toBe('pick');
    expect(widgetOf(field('request-extension', 'days'))).toBe('number');
    expect(widgetOf(field('submit-rectification', 'evidence'))).toBe('tags');
    expect(widgetOf(field('reply', 'content'))).toBe('textarea');
  });

  it('gives Chinese messages for required fields and bounds', async () => {
    expect(rulesFor(field('reply', 'content'))[0]).toMatchObject({ required: true, message: '请填写答复内容' });
    expect(rulesFor(field('finding', 'severity'))[0].message).toBe('请选择严重程度');
    expect(await check(field('request-extension', 'days'), 16)).toEqual(['延期天数（工作日）须在 1 至 15 之间']);
    expect(await check(field('request-extension', 'days'), 3)).toEqual([]);
    expect(await check(field('submit-rectification', 'evidence'), ['x'.repeat(501)])).toEqual(['每项佐证材料最多 500 字']);
  });

  it('sends trimmed values and leaves out empty optional ones', () => {
    const fields = ACTION_RULES['request-extension'].fields as ActionField[];
    expect(bodyFrom(fields, { days: '3', reason: '  材料未齐  ' })).toEqual({ days: 3, reason: '材料未齐' });
    expect(bodyFrom(ACTION_RULES.accept.fields as ActionField[], { note: '  ' })).toEqual({});
  });
});
