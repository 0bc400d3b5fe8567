import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The HTTP header a caller (or a proxy in front) may set, and that every answer carries back. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Letters, digits and a few separators, short: anything else (a log-injection attempt, a name) is replaced.
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's request id when it is well-formed, else a new one. */
export function acceptRequestId(given: string | string[] | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && WELL_FORMED.test(value) ? value : randomUUID();
}

/** The request being served, for code far from the controller (the Temporal client's interceptor). */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
