import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes';

const INDEXED_TYPE: Record<string, number> = {
  [SearchAttributeType.KEYWORD]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.DATETIME]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

interface OperatorService {
  addSearchAttributes(request: { namespace: string; searchAttributes: Record<string, number> }): Promise<unknown>;
}

/** Registers the case search attributes on a server that lacks them (test servers, a fresh cluster). */
export async function registerCaseSearchAttributes(operatorService: OperatorService, namespace: string): Promise<void> {
  await operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(CASE_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_TYPE[key.type]])),
  });
}

/**
 * Adds the case search attributes a namespace lacks and returns their names; safe to run on every deploy.
 * One that exists with another type stops it: the workflows would fail to upsert it.
 */
export async function ensureCaseSearchAttributes(
  operatorService: OperatorService & {
    listSearchAttributes(request: { namespace: string }): Promise<{ customAttributes?: Record<string, number> | null }>;
  },
  namespace: string,
): Promise<string[]> {
  const existing = (await operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
  const missing: Record<string, number> = {};
  for (const key of CASE_SEARCH_ATTRIBUTES) {
    const type = existing[key.name];
    if (type === undefined) missing[key.name] = INDEXED_TYPE[key.type];
    else if (type !== INDEXED_TYPE[key.type]) throw new Error(`search attribute ${key.name} exists on namespace ${namespace} with another type (${type}); expected ${key.type}`);
  }
  if (Object.keys(missing).length > 0) await operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  return Object.keys(missing);
}
