// The front end's budgets (npm run bench:web; not a timed test):
//   1. first-load JavaScript, gzip: the console ≤ 400 kB, the public page ≤ 150 kB — from the built files
//      (apps/web/dist: each entry's script and the chunks its page preloads);
//   2. with BENCH_WEB_URL set to a running stack (e.g. `BENCH_KEEP_DB=1 npm run bench` after its 1M-case
//      seed, or `npm start`), how long the inbox takes from navigation until its first rows are on screen,
//      in Debian's chromium, signed in as BENCH_WEB_USER (handler.gz): target ≤ 1 s.
// Writes bench/results/web-budget.md and prints it.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'apps/web/dist');
const BUDGETS = { console: 400, m: 150 };

function firstLoad(entry) {
  const html = readFileSync(join(dist, entry, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const sizes = files.map((f) => {
    const body = readFileSync(join(dist, f.replace(/^\//, '')));
    return { file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { files: sizes, gzip: sizes.reduce((s, f) => s + f.gzip, 0), raw: sizes.reduce((s, f) => s + f.raw, 0) };
}

async function inboxTiming(baseUrl, username) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const runs = [];
  try {
    // Signed in once, as the console does (the session cookie, who and until when in sessionStorage); every
    // cold load below is a fresh browser context with that cookie, so the login rate limit is not in the way.
    const first = await browser.newContext({ baseURL: baseUrl });
    const login = await first.request.post('/api/v1/auth/session', { data: { username, password: process.env.BENCH_WEB_PASSWORD ?? 'Demo#2026' } });
    if (!login.ok()) throw new Error(`login as ${username}: ${login.status()}`);
    const body = await login.json();
    const cookies = await first.cookies();
    await first.close();
    const session = JSON.stringify({ expiresAt: Date.now() + body.expiresIn * 1000, username: body.username, role: body.role, orgId: body.organizationId });
    for (let i = 0; i < Number(process.env.BENCH_WEB_RUNS ?? 5); i++) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 860 } });
      await context.addCookies(cookies);
      await context.addInitScript((s) => sessionStorage.setItem('ft.session', s), session);
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${baseUrl}/console/`);
      await page.locator('.ant-table-row, .ant-table-placeholder .ant-empty').first().waitFor({ timeout: 30_000 });
      runs.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return runs;
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
if (!existsSync(join(dist, 'console/index.html'))) {
  console.error('apps/web/dist is missing: run `npm run build:web` first');
  process.exit(1);
}
const lines = ['# Front-end budgets', '', `Measured ${new Date().toISOString()} from apps/web/dist.`, '', '| Entry | First-load JS (gzip) | Budget | Raw | Files |', '|---|---|---|---|---|'];
let failed = false;
for (const entry of ['console', 'm']) {
  const r = firstLoad(entry);
  const ok = r.gzip <= BUDGETS[entry] * 1024;
  failed ||= !ok;
  lines.push(`| /${entry}/ | ${kb(r.gzip)} ${ok ? '✓' : '✗ over'} | ${BUDGETS[entry]} kB | ${kb(r.raw)} | ${r.files.map((f) => `${f.file.replace('/assets/', '')} ${kb(f.gzip)}`).join(', ')} |`);
}
if (process.env.BENCH_WEB_URL) {
  const runs = await inboxTiming(process.env.BENCH_WEB_URL, process.env.BENCH_WEB_USER ?? 'handler.gz');
  const sorted = [...runs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  failed ||= median > 1000;
  lines.push('', `Inbox at ${process.env.BENCH_WEB_URL} as ${process.env.BENCH_WEB_USER ?? 'handler.gz'}: navigation to first rows on screen, ${runs.length} cold loads: ${runs.join(', ')} ms; median ${median} ms (target ≤ 1000 ms) ${median <= 1000 ? '✓' : '✗'}`);
} else {
  lines.push('', 'Inbox timing skipped: set BENCH_WEB_URL to a running stack (with the 1M-case seed for the target).');
}
const report = lines.join('\n') + '\n';
writeFileSync(join(root, 'bench/results/web-budget.md'), report);
console.log(report);
process.exit(failed ? 1 : 0);
