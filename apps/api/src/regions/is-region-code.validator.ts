import { registerDecorator, type ValidationOptions } from 'class-validator';
import { CENTRAL_REGION_CODE, gbt2260Regions } from '@app/regions';

/**
 * The value is a province, city or district code of GB/T 2260, not just six digits; with `central`, 000000
 * (the central level, an organization's region) too.
 */
export function IsGbt2260Region(options?: ValidationOptions & { central?: boolean }): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isGbt2260Region',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a GB/T 2260 region code (see GET /api/v1/regions)', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && ((options?.central === true && value === CENTRAL_REGION_CODE) || gbt2260Regions().has(value)) },
    });
}
