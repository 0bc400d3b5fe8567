import { BadRequestException } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ACTION_RULES, STAFF_ACTIONS, type ActionField } from '@app/domain';
import { validateBody } from '../common/validation';
import { STAFF_ACTION_BODIES } from './case-action.dtos';

/*
 * The lifecycle table names each action's fields (what GET /cases/{id}/actions and the console show);
 * the DTOs validate them. These checks keep the two saying the same thing.
 */

function sample(field: ActionField): unknown {
  if (field.enum) return field.enum[0];
  switch (field.type) {
    case 'integer':
      return field.minimum ?? 1;
    case 'boolean':
      return true;
    case 'uuid':
      return '0b6f2d7e-3c55-4f0e-9a43-3b2a1d6b9c10';
    case 'string[]':
      return ['x'];
    default:
      return 'x';
  }
}

const bodyOf = (fields: readonly ActionField[]) => Object.fromEntries(fields.map((f) => [f.name, sample(f)]));

async function problemsOf(action: (typeof STAFF_ACTIONS)[number], body: object): Promise<string[]> {
  try {
    const type: new () => object = STAFF_ACTION_BODIES[action];
    await validateBody(type, body);
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const response = error.getResponse() as { details: { field: string }[] };
    return response.details.map((d) => d.field);
  }
}

describe.each(STAFF_ACTIONS)('the body of %s', (action) => {
  const fields = ACTION_RULES[action].fields;

  it('declares exactly the fields of the table', () => {
    const declared = new Set(getMetadataStorage().getTargetValidationMetadatas(STAFF_ACTION_BODIES[action], '', true, false).map((m) => m.propertyName));
    expect([...declared].sort()).toEqual(fields.map((f) => f.name).sort());
  });

  it('accepts every field of the table, and only the required ones', async () => {
    expect(await problemsOf(action, bodyOf(fields))).toEqual([]);
    expect(await problemsOf(action, bodyOf(fields.filter((f) => f.required)))).toEqual([]);
  });

  for (const { name } of fields.filter((f) => f.required)) {
    it(`needs ${name}`, async () => {
      expect(await problemsOf(action, bodyOf(fields.filter((f) => f.name !== name)))).toContain(name);
    });
  }

  it('refuses values outside the bounds the table gives', async () => {
    for (const field of fields) {
      const outside = [
        field.enum && 'NOT_A_CHOICE',
        field.maximum !== undefined && field.maximum + 1,
        field.minimum !== undefined && field.minimum - 1,
        field.maxLength !== undefined && (field.type === 'string[]' ? ['x'.repeat(field.maxLength + 1)] : 'x'.repeat(field.maxLength + 1)),
      ].filter((v) => v !== undefined && v !== false);
      for (const value of outside) expect(await problemsOf(action, { ...bodyOf(fields), [field.name]: value })).toContain(field.name);
    }
  });
});
