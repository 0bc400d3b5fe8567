import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Flattens nested class-validator errors into "a.b: reason" pairs. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The global pipe: unknown fields are errors, and every problem is listed under details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
