import type { OpenAPIObject } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { documentCommonErrors } from './error-answers';
import { documentValidationRules } from './validation-schema';

export class ProbeBodyDto {
  @Matches(/^\d{6}$/) regionCode: string;
  @IsString() @Length(1, 100) name: string;
  @IsInt() @Min(1) @Max(30) days: number;
  @IsOptional() @IsIn(['A', 'B']) kind?: string;
}

export class ProbeAnswer {
  @Matches(/^\d{6}$/) regionCode: string;
}

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'probe', version: '1' },
  paths: {
    '/things/{id}': {
      post: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        security: [{ bearer: [] }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ProbeBodyDto' } } } },
        responses: { '201': { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProbeAnswer' } } } }, '404': { description: 'own words' } },
      },
    },
    '/health': { get: { responses: { '200': { description: 'up' } } } },
  },
  components: {
    schemas: {
      ProbeBodyDto: { type: 'object', properties: { regionCode: { type: 'string' }, name: { type: 'string' }, days: { type: 'number' }, kind: { type: 'string' } } },
      ProbeAnswer: { type: 'object', properties: { regionCode: { type: 'string' } } },
    },
  },
});

describe('documentValidationRules', () => {
  it('writes the validation rules of request bodies into their schemas', () => {
    const schemas = documentValidationRules(document()).components!.schemas!;
    expect(schemas.ProbeBodyDto).toEqual({
      type: 'object',
      properties: {
        regionCode: { type: 'string', pattern: '^\\d{6}$' },
        name: { type: 'string', minLength: 1, maxLength: 100 },
        days: { type: 'integer', minimum: 1, maximum: 30 },
        kind: { type: 'string', enum: ['A', 'B'] },
      },
    });
  });

  it('leaves answers as they are documented', () => {
    expect(documentValidationRules(document()).components!.schemas!.ProbeAnswer).toEqual({ type: 'object', properties: { regionCode: { type: 'string' } } });
  });
});

describe('documentCommonErrors', () => {
  it('adds the answers every route can give, keeping what a route documents itself', () => {
    const paths = documentCommonErrors(document()).paths;
    expect(Object.keys(paths['/things/{id}'].post!.responses).sort()).toEqual(['201', '400', '401', '404', '413', '415', '503']);
    expect(paths['/things/{id}'].post!.responses['404']).toEqual({ description: 'own words' });
    expect(Object.keys(paths['/health'].get!.responses).sort()).toEqual(['200', '400', '503']);
  });
});
