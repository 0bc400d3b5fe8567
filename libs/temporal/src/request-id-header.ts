import { defaultPayloadConverter, type Headers } from '@temporalio/common';

/**
 * The Temporal header that carries the HTTP request id from the API into the workflow, and from the
 * workflow into its activities and child workflows, so one id finds a request's lines in every log.
 * Workflow code imports this file by relative path: it must stay free of Node built-ins.
 */
export const REQUEST_ID_HEADER_KEY = 'requestId';

export function requestIdFrom(headers: Headers | undefined): string | undefined {
  const payload = headers?.[REQUEST_ID_HEADER_KEY];
  if (!payload) return undefined;
  const value: unknown = defaultPayloadConverter.fromPayload(payload);
  return typeof value === 'string' ? value : undefined;
}

export function withRequestId(headers: Headers, requestId: string | undefined): Headers {
  return requestId === undefined ? headers : { ...headers, [REQUEST_ID_HEADER_KEY]: defaultPayloadConverter.toPayload(requestId) };
}
