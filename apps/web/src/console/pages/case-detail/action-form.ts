import { FIELD_CHOICE_ZH, FIELD_ZH } from '../../../shared/labels';
import type { ActionField } from '../../../shared/types';

/** A form rule, in the shape the form library takes. */
export interface FieldRule {
  required?: boolean;
  whitespace?: boolean;
  max?: number;
  type?: 'number' | 'array';
  min?: number;
  message: string;
  validator?: (rule: unknown, value: unknown) => Promise<void>;
}

export const fieldLabel = (f: ActionField): string => FIELD_ZH[f.name] ?? f.name;

/** What the user chooses from, for an enum field: each value with its Chinese label. */
export function choicesOf(f: ActionField): { value: string; label: string }[] {
  return (f.enum ?? []).map((value) => ({ value, label: FIELD_CHOICE_ZH[f.name]?.[value] ?? value }));
}

export type FieldWidget = 'select' | 'pick' | 'textarea' | 'input' | 'number' | 'boolean' | 'tags';

export function widgetOf(f: ActionField): FieldWidget {
  if (f.pick) return 'pick';
  if (f.enum) return 'select';
  if (f.type === 'integer') return 'number';
  if (f.type === 'boolean') return 'boolean';
  if (f.type === 'string[]') return 'tags';
  return (f.maxLength ?? 0) > 200 ? 'textarea' : 'input';
}

/**
 * Chinese validation messages for a field described by GET /cases/{id}/actions: the same bounds the API
 * checks, so the user learns before sending; the API checks them again.
 */
export function rulesFor(f: ActionField): FieldRule[] {
  const label = fieldLabel(f);
  const choose = ['select', 'pick', 'boolean'].includes(widgetOf(f));
  const rules: FieldRule[] = [];
  if (f.required) {
    rules.push(f.type === 'string[]' ? { required: true, type: 'array', min: 1, message: `请至少填写一项${label}` } : { required: true, ...(f.type === 'string' && !f.enum ? { whitespace: true } : {}), message: `${choose ? '请选择' : '请填写'}${label}` });
  }
  if (f.maxLength !== undefined) {
    const maxLength = f.maxLength;
    if (f.type === 'string[]') {
      rules.push({
        message: `每项${label}最多 ${maxLength} 字`,
        validator: async (_r, value) => {
          if (Array.isArray(value) && value.some((v) => String(v).length > maxLength)) throw new Error(`每项${label}最多 ${maxLength} 字`);
        },
      });
    } else rules.push({ max: maxLength, message: `${label}最多 ${maxLength} 字` });
  }
  if (f.type === 'integer' && (f.minimum !== undefined || f.maximum !== undefined)) {
    const { minimum, maximum } = f;
    const text = minimum !== undefined && maximum !== undefined ? `${label}须在 ${minimum} 至 ${maximum} 之间` : minimum !== undefined ? `${label}不能小于 ${minimum}` : `${label}不能大于 ${maximum}`;
    rules.push({
      message: text,
      validator: async (_r, value) => {
        if (value === undefined || value === null || value === '') return;
        const n = Number(value);
        if (!Number.isInteger(n) || (minimum !== undefined && n < minimum) || (maximum !== undefined && n > maximum)) throw new Error(text);
      },
    });
  }
  return rules;
}

/** The body to send: strings trimmed, empty optional fields left out, numbers as numbers. */
export function bodyFrom(fields: readonly ActionField[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    let v = values[f.name];
    if (typeof v === 'string') v = v.trim();
    if (Array.isArray(v)) v = v.map((x) => String(x).trim()).filter(Boolean);
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0 && !f.required)) continue;
    if (f.type === 'integer') v = Number(v);
    body[f.name] = v;
  }
  return body;
}
