import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram, type Registry } from 'prom-client';

type RoutedRequest = IncomingMessage & { route?: { path?: string }; baseUrl?: string };

/**
 * `http_request_duration_seconds{method, route, status}`, labelled by the route's template
 * (`/api/v1/cases/:id`), never the URL itself: ids would make a series per case. Requests no route
 * matched (static files, unknown paths) share one label.
 */
export function httpMetrics(registry: Registry) {
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests to the API by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const stop = histogram.startTimer();
    res.once('finish', () => stop({ method: req.method ?? 'GET', route: routeTemplate(req), status: String(res.statusCode) }));
    next();
  };
}

export function routeTemplate(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : '(unmatched)';
}
