import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ACTION_RULES, deadlinesStartedBy, STAFF_ACTIONS, type StaffAction } from '@app/domain';
import { ErrorResponse } from '../common/error-response';
import { STAFF_ACTION_BODIES } from './case-action.dtos';

/** The one route that takes every staff action, as the controller declares it. */
export const ACTION_ROUTE = '/api/v1/cases/{caseId}/{action}';

/**
 * The API takes every action through one route, but each action has a body of its own and roles of its
 * own. A single `oneOf` body cannot say which body goes with which action (most bodies have only
 * optional fields, so one JSON object matches several), so the document lists the route once per action,
 * each with its body, roles, where it leads and the deadline it starts, all read from the lifecycle table.
 */
export function documentEachAction(document: OpenAPIObject): OpenAPIObject {
  const generic = document.paths[ACTION_ROUTE]?.post;
  if (!generic) return document;
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    if (path !== ACTION_ROUTE) {
      paths[path] = item;
      continue;
    }
    for (const action of STAFF_ACTIONS) paths[ACTION_ROUTE.replace('{action}', action)] = { post: operationFor(generic, action) };
  }
  document.paths = paths;
  return document;
}

function operationFor(generic: OperationObject, action: StaffAction): OperationObject & { 'x-roles': string[] } {
  const rule = ACTION_RULES[action];
  const deadlines = deadlinesStartedBy(action);
  const leads = `Allowed in ${rule.steps.join(', ')}; leads to ${rule.leadsTo.join(' | ')}${rule.branch ? ` (${rule.branch})` : ''}${deadlines.length ? `; starts the ${deadlines.join(' or ')} deadline` : ''}.`;
  return {
    ...generic,
    operationId: `${generic.operationId ?? 'act'}_${action}`,
    summary: rule.summary,
    description: `${leads} A step or role that does not allow it now answers 409 with the reason.`,
    parameters: (generic.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'action'),
    requestBody: { required: true, content: { 'application/json': { schema: { $ref: getSchemaPath(STAFF_ACTION_BODIES[action]) } } } },
    responses: {
      ...generic.responses,
      '403': { description: `Needs one of the roles: ${rule.actors.join(', ')}`, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } } },
    },
    'x-roles': [...rule.actors],
  };
}
