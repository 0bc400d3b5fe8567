import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldProblem } from './error-response';

/** Flattens nested class-validator errors into "a.b: reason" pairs. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Deeper than any request the API takes (an SLA policy is the deepest, at three levels). */
const MAX_NESTING = 32;

/** Whether a parsed value nests arrays or objects deeper than the limit; iterative, so it cannot overflow itself. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** ValidationPipe with two guards against input it would mishandle. */
class ApiValidationPipe extends ValidationPipe {
  // Deeply nested input is refused first: class-transformer recurses once per level, and a body of a few
  // thousand nested brackets (well under the size limit) overflowed the stack, a 500.
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestedDeeperThan(value, MAX_NESTING)) {
      const field = metadata.data ?? metadata.type;
      return Promise.reject(new BadRequestException({ message: `Validation failed: ${field}`, details: [{ field, reason: `must not nest deeper than ${MAX_NESTING} levels` }] }));
    }
    return super.transform(value, metadata).then(dropOptionalNulls);
  }

  // With transform on, a path or query parameter typed number is converted with `+value` before its own
  // pipe runs, so ' 1', '0x1' and '1e0' reached ParseIntPipe as 1 and named record 1. Only a plain
  // integer is converted; anything else stays a string for ParseIntPipe to refuse.
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.metatype === Number && typeof value === 'string' && !/^-?\d+$/.test(value)) return value;
    return super.transformPrimitive(value, metadata);
  }
}

/**
 * An optional field sent as null is absent. @IsOptional() skips every rule for null as for undefined, so
 * a null reached code that tests `!== undefined` unchecked: a null password was hashed (500), a null
 * hostUnitId became a TypeORM where-condition on null (500). Removed here, it cannot reach anything.
 */
function dropOptionalNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    value.forEach(dropOptionalNulls);
    return value;
  }
  const optional = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(value.constructor, '', false, false)
      .filter((rule) => rule.name === 'isOptional')
      .map((rule) => rule.propertyName),
  );
  const record = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(record)) {
    if (field === null && optional.has(key)) delete record[key];
    else dropOptionalNulls(field);
  }
  return value;
}

/** The global pipe: unknown fields are errors, and every problem is listed under details. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = fieldProblems(errors);
      return new BadRequestException({ message: `Validation failed: ${[...new Set(details.map((d) => d.field))].join(', ')}`, details });
    },
  });
}

/** Validates a body whose class is known only at run time, with the same rules and error shape as the global pipe. */
export async function validateBody<T extends object>(type: new () => T, body: unknown): Promise<T> {
  const pipe = createValidationPipe();
  return pipe.transform(body ?? {}, { type: 'body', metatype: type }) as Promise<T>;
}
