// Container health check: exits 0 when a liveness URL answers 2xx within 4 s. With a URL argument, that URL;
// without, whichever process this container runs: the API's /health/live or the worker's ops /live.
const urls = process.argv[2]
  ? [process.argv[2]]
  : [`http://127.0.0.1:${process.env.API_PORT ?? 3000}/health/live`, `http://127.0.0.1:${process.env.WORKER_OPS_PORT ?? 9465}/live`];
const live = (url) => fetch(url, { signal: AbortSignal.timeout(4000) }).then((res) => res.ok, () => false);
Promise.all(urls.map(live)).then((answers) => process.exit(answers.some(Boolean) ? 0 : 1));
