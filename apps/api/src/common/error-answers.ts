import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const errorAnswer = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
});

/**
 * The error answers that do not depend on the route's own logic, added to every operation of the
 * document that does not describe them itself: the global validation pipe, body parser, auth guard,
 * path lookups and the exception filter give them on every route alike. Route-specific answers (403 by
 * role, 409, 422, 429) stay with the route's decorators.
 */
export function documentCommonErrors(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) addCommonErrors(operation);
    }
  }
  return document;
}

function addCommonErrors(operation: OperationObject): void {
  const answers: Record<string, ResponseObject> = {
    // A malformed JSON body, an unknown query parameter or field, a path or query value of the wrong form.
    '400': errorAnswer('Invalid input: details names each field and what is wrong with it'),
  };
  if (operation.security?.length) answers['401'] = errorAnswer('No valid access token, or the account is no longer active');
  if (operation.parameters?.some((p) => 'in' in p && p.in === 'path')) answers['404'] = errorAnswer('Nothing with this identifier within your reach');
  if (operation.requestBody) {
    answers['413'] = errorAnswer('The body is larger than 64 kB');
    answers['415'] = errorAnswer('The body is in a charset or content encoding the API does not read');
  }
  answers['503'] = errorAnswer('The database or Temporal is unavailable; for an action, its outcome is not confirmed: read before retrying');
  for (const [status, answer] of Object.entries(answers)) operation.responses[status] ??= answer;
}
