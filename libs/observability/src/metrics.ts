import { collectDefaultMetrics, Registry } from 'prom-client';

/** A registry of the process's own (not prom-client's global one: the tests run the API and the worker in one process). */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
