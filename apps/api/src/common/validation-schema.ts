import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = SchemaObject | ReferenceObject;
/** A class, as class-validator keys its rules. */
type Target = abstract new (...args: never[]) => object;

/** How one class-validator rule reads in JSON Schema; a keyword the property documents itself is kept. */
const RULES: Record<string, (constraints: unknown[]) => Partial<SchemaObject> | undefined> = {
  matches: ([pattern, modifiers]) => (pattern instanceof RegExp && !pattern.flags && !modifiers ? { pattern: pattern.source } : undefined),
  isLength: ([min, max]) => ({ minLength: min as number, ...(max !== undefined ? { maxLength: max as number } : {}) }),
  minLength: ([min]) => ({ minLength: min as number }),
  maxLength: ([max]) => ({ maxLength: max as number }),
  min: ([min]) => ({ minimum: min as number }),
  max: ([max]) => ({ maximum: max as number }),
  isInt: () => ({ type: 'integer' }),
  isUUID: () => ({ format: 'uuid' }),
  isIn: ([values]) => (Array.isArray(values) ? { enum: values } : undefined),
  arrayMinSize: ([min]) => ({ minItems: min as number }),
  arrayMaxSize: ([max]) => ({ maxItems: max as number }),
};

/**
 * Writes the validation rules of the request body classes (class-validator decorators: patterns, lengths,
 * bounds, integers, enums) into their schemas, so the document states what the API accepts rather than
 * any string or number. Only schemas reachable from a request body: answers are documented as written.
 */
export function documentValidationRules(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const classes = new Map<string, Target>();
  for (const target of validatedClasses()) classes.set(target.name, target);
  for (const name of requestSchemaNames(document)) {
    const schema = schemas[name];
    const target = classes.get(name);
    if (!target || !schema || '$ref' in schema) continue;
    applyRules(schema, getMetadataStorage().getTargetValidationMetadatas(target, '', false, false));
  }
  return document;
}

function applyRules(schema: SchemaObject, rules: ValidationMetadata[]): void {
  for (const rule of rules) {
    const property = schema.properties?.[rule.propertyName];
    const toSchema = rule.name ? RULES[rule.name] : undefined;
    if (!property || '$ref' in property || !toSchema || rule.groups?.length) continue;
    const target = rule.each ? property.items : property;
    if (!target || '$ref' in target || target.allOf) continue;
    const keywords = toSchema(rule.constraints ?? []) ?? {};
    for (const [keyword, value] of Object.entries(keywords) as [keyof SchemaObject, unknown][]) {
      if (target[keyword] === undefined || (keyword === 'type' && target.type === 'number')) (target as Record<string, unknown>)[keyword] = value;
    }
  }
}

/** Every class with validation rules; the storage keeps them private, keyed by class. */
function validatedClasses(): Target[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Target, unknown> };
  return [...storage.validationMetadatas.keys()].filter((target) => typeof target === 'function');
}

/** Names of the component schemas request bodies use, nested ones included. */
function requestSchemaNames(document: OpenAPIObject): Set<string> {
  const names = new Set<string>();
  const visit = (schema: Schema | undefined): void => {
    if (!schema) return;
    if ('$ref' in schema) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (names.has(name)) return;
      names.add(name);
      visit(document.components?.schemas?.[name]);
      return;
    }
    for (const child of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...Object.values(schema.properties ?? {})]) visit(child);
    if (schema.items) visit(schema.items);
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.patch, item.delete]) {
      const body = operation?.requestBody;
      if (body && !('$ref' in body)) for (const media of Object.values(body.content)) visit(media.schema);
    }
  }
  return names;
}
