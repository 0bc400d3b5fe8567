// Checks deploy/Dockerfile for what the deployment relies on (no linter for Dockerfiles is at hand here):
// Node 22, the builds of API, worker and web, a non-root user, a health check, no secret baked in, and
// files it copies that exist. Plain JS: `npm run test:deploy` runs it without a build.
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');

/** Instructions with their continuation lines joined; comments dropped. */
function instructions(text) {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** Every problem found, as sentences; none means the Dockerfile passes. `exists` checks a COPY source. */
function dockerfileProblems(text, exists = (path) => existsSync(join(ROOT, path))) {
  const all = instructions(text);
  const problems = [];
  const args = Object.fromEntries(
    all.filter((i) => i.keyword === 'ARG' && i.args.includes('=')).map((i) => i.args.split('=', 2)),
  );
  const stages = [];
  for (const i of all) {
    if (i.keyword === 'FROM') stages.push({ from: i.args.split(/\s+/)[0].replace(/^\$\{?(\w+)\}?$/, (_, name) => args[name] ?? `$${name}`), body: [] });
    else if (stages.length) stages[stages.length - 1].body.push(i);
  }
  if (stages.length === 0) return ['no FROM instruction'];
  for (const stage of stages) {
    if (stage.body.length && !/^node:22([.-]|$)/.test(stage.from)) {
      problems.push(`stage FROM ${stage.from} is not on Node 22 (node:22-…)`);
    }
  }
  const final = stages[stages.length - 1].body;
  const users = final.filter((i) => i.keyword === 'USER');
  const user = users.length ? users[users.length - 1].args.split(':')[0] : 'root';
  if (user === 'root' || user === '0') problems.push('the final stage runs as root: add USER node (or another non-root user)');
  if (!final.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(i.args))) problems.push('the final stage has no HEALTHCHECK');
  if (!final.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) problems.push('the final stage has no CMD or ENTRYPOINT');
  const runs = all.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
  for (const step of ['npm ci', 'npm run build', 'npm run build:web']) {
    if (!new RegExp(`${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$|&)`, 'm').test(runs)) problems.push(`no RUN ${step}`);
  }
  if (!/--omit=dev/.test(runs)) problems.push('development dependencies are not left out of the image (npm ci/prune --omit=dev)');
  for (const i of all.filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG')) {
    for (const [, name, value] of i.args.matchAll(/(\w+)[= ]("[^"]*"|\S+)/g)) {
      if (/SECRET|PASSWORD|TOKEN|API_KEY|PII_KEYS/i.test(name) && value !== '""') problems.push(`${i.keyword} ${name} bakes a secret into the image`);
    }
  }
  for (const i of all.filter((x) => (x.keyword === 'COPY' || x.keyword === 'ADD') && !/--from=/.test(x.args))) {
    const parts = i.args.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter((p) => p && !p.startsWith('--')).map((p) => p.replace(/^"|"$/g, ''));
    for (const source of parts.slice(0, -1)) if (!exists(source)) problems.push(`COPY source ${source} does not exist`);
    if (parts.some((p) => /(^|\/)\.env$|secrets\//.test(p))) problems.push(`COPY ${i.args} copies secrets into the image`);
  }
  return problems;
}

/** .dockerignore must keep local state and secrets out of the build context. */
function dockerignoreProblems(text) {
  const lines = new Set(text.split(/\r?\n/).map((l) => l.trim().replace(/^\/|\/$/g, '')));
  return ['node_modules', '.env', '.data', '.tools', 'dist', 'deploy/compose/secrets'].filter((p) => !lines.has(p)).map((p) => `.dockerignore does not exclude ${p}`);
}

if (require.main === module) {
  const problems = [
    ...dockerfileProblems(readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8')),
    ...(existsSync(join(ROOT, '.dockerignore')) ? dockerignoreProblems(readFileSync(join(ROOT, '.dockerignore'), 'utf8')) : ['.dockerignore is missing']),
  ];
  if (problems.length) {
    console.error(`deploy/Dockerfile:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('deploy/Dockerfile: Node 22, builds API, worker and web, non-root, health check, no baked secrets');
}

module.exports = { dockerfileProblems, dockerignoreProblems };
