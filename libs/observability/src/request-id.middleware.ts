import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptRequestId, REQUEST_ID_HEADER, requestContext } from './request-context';

type Next = (error?: unknown) => void;

/** First of all middleware: settles the request's id and echoes it, so even an early refusal carries it. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse, next: Next): void {
  const id = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
  (req as IncomingMessage & { id: string }).id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

/**
 * Makes the id reachable from anywhere while the request is handled (the Temporal client puts it in
 * workflow headers). Mounted after the body parser: its stream callbacks would lose the context.
 */
export function bindRequestContext(req: IncomingMessage, _res: ServerResponse, next: Next): void {
  requestContext.run({ requestId: (req as IncomingMessage & { id: string }).id }, next);
}
