import type { OpenAPIObject } from '@nestjs/swagger';
import { ACTION_RULES, STAFF_ACTIONS } from '@app/domain';
import { ACTION_ROUTE, documentEachAction } from './action-routes.document';

const generic = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/v1/cases/{caseId}/actions': { get: { responses: {} } },
    [ACTION_ROUTE]: {
      post: {
        operationId: 'CaseActionsController_act',
        parameters: [
          { name: 'caseId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'action', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'ok' }, '409': { description: 'refused' } },
      },
    },
  },
});

describe('documentEachAction', () => {
  it('lists the action route once per staff action, each with its body, roles and no action parameter', () => {
    const { paths } = documentEachAction(generic());
    expect(paths[ACTION_ROUTE]).toBeUndefined();
    expect(paths['/api/v1/cases/{caseId}/actions']).toBeDefined();
    for (const action of STAFF_ACTIONS) {
      const operation = paths[`/api/v1/cases/{caseId}/${action}`].post!;
      expect(operation.parameters!.map((p) => ('name' in p ? p.name : p.$ref))).toEqual(['caseId']);
      expect(operation.requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { $ref: expect.stringMatching(/^#\/components\/schemas\/\w+Dto$/) } } } });
      expect(operation).toMatchObject({ summary: ACTION_RULES[action].summary, 'x-roles': ACTION_RULES[action].actors, operationId: `CaseActionsController_act_${action}` });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '403', '409']));
    }
  });

  it('points each action at the body class that validates it', () => {
    const { paths } = documentEachAction(generic());
    const ref = (action: string) => JSON.stringify(paths[`/api/v1/cases/{caseId}/${action}`].post!.requestBody);
    expect(ref('reject')).toContain('RejectDto');
    expect(ref('submit-rectification')).toContain('SubmitRectificationDto');
  });
});
