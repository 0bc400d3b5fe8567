// Container health check: `node healthcheck.js [url]` exits 0 when the URL answers 2xx within 4 s.
// Default: the API's liveness endpoint; the worker's is http://127.0.0.1:${WORKER_OPS_PORT:-9465}/live.
const url = process.argv[2] ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}/health/live`;
fetch(url, { signal: AbortSignal.timeout(4000) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
