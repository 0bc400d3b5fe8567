import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/** What one ops route answers. */
export interface OpsAnswer {
  status: number;
  body: string;
  contentType?: string;
}

export type OpsRoutes = Record<string, () => Promise<OpsAnswer>>;

/** GET /metrics from a registry, in the text format Prometheus scrapes. */
export function metricsRoute(registry: Registry): () => Promise<OpsAnswer> {
  return async () => ({ status: 200, body: await registry.metrics(), contentType: registry.contentType });
}

/**
 * A small HTTP listener for ops (probes, Prometheus) beside the public one: kept off the public port so
 * metrics never reach the internet and a scrape never counts against the API's rate limits.
 * Port 0 means off: resolves to null.
 */
export async function startOpsServer(host: string, port: number, routes: OpsRoutes): Promise<Server | null> {
  if (port === 0) return null;
  const server = createServer((req, res) => {
    const route = req.method === 'GET' ? routes[(req.url ?? '').split('?')[0]] : undefined;
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    route().then(
      (answer) => res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' }).end(answer.body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(error as Error).message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export function closeOpsServer(server: Server | null): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
