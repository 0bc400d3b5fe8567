import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** What a nullable property holds when it is not null: a scalar, a date, an integer, a nested class or one of some strings. */
type NullableType = StringConstructor | NumberConstructor | BooleanConstructor | DateConstructor | 'integer' | (abstract new (...args: never[]) => object) | readonly string[];

/**
 * A property that is always present and may be null. TypeScript hands the document generator a union
 * such as `string | null` as Object, so `nullable: true` alone documents it as `object | null` and every
 * real value breaks the schema: the type is therefore required here. `required: false` for a property
 * some callers do not get at all.
 */
export function ApiNullableProperty(type: NullableType, options: Omit<ApiPropertyOptions, 'type' | 'enum' | 'nullable'> = {}): PropertyDecorator {
  const typed = Array.isArray(type) ? { type: String, enum: [...(type as readonly string[])] } : type === 'integer' ? { type: 'integer' } : { type };
  return ApiProperty({ required: true, ...options, ...typed, nullable: true } as ApiPropertyOptions);
}
