import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES } from './search-attributes';

/** Registers the case search attributes on a server that lacks them (test servers, a fresh cluster). */
export async function registerCaseSearchAttributes(
  operatorService: { addSearchAttributes(request: { namespace: string; searchAttributes: Record<string, number> }): Promise<unknown> },
  namespace: string,
): Promise<void> {
  const indexedType: Record<string, number> = {
    [SearchAttributeType.KEYWORD]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
    [SearchAttributeType.DATETIME]: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  };
  await operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(CASE_SEARCH_ATTRIBUTES.map((key) => [key.name, indexedType[key.type]])),
  });
}
