import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  ms: number;
}

/** A small keep-alive JSON client for 127.0.0.1 only: less client overhead than fetch, and no proxy settings. */
export class BenchHttp {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 512 });

  constructor(private readonly baseUrl: string) {
    const host = new URL(baseUrl).hostname;
    if (host !== '127.0.0.1') throw new Error(`the bench only talks to 127.0.0.1, not ${host}`);
  }

  call<T = any>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<HttpResult<T>> {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string | number> = { accept: 'application/json', ...options.headers };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const url = new URL(path, this.baseUrl);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent: this.agent, timeout: 120_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body, ms });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
