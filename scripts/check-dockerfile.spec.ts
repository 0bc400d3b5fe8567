import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dockerfileProblems, dockerignoreProblems } = require('./check-dockerfile.cjs') as {
  dockerfileProblems(text: string, exists?: (path: string) => boolean): string[];
  dockerignoreProblems(text: string): string[];
};

const GOOD = `
ARG NODE_IMAGE=node:22-bookworm-slim
FROM \${NODE_IMAGE} AS build
COPY package.json ./
RUN npm ci && npm run build \\
 && npm run build:web
FROM \${NODE_IMAGE}
RUN npm ci --omit=dev
USER node
HEALTHCHECK CMD ["node", "healthcheck.js"]
CMD ["api"]
`;
const always = () => true;

describe('the Dockerfile check', () => {
  it('passes the project Dockerfile and .dockerignore', () => {
    const root = join(__dirname, '..');
    expect(dockerfileProblems(readFileSync(join(root, 'deploy/Dockerfile'), 'utf8'))).toEqual([]);
    expect(dockerignoreProblems(readFileSync(join(root, '.dockerignore'), 'utf8'))).toEqual([]);
  });

  it('passes a minimal good one', () => {
    expect(dockerfileProblems(GOOD, always)).toEqual([]);
  });

  it('names each thing a bad one lacks', () => {
    const bad = GOOD.replace('node:22-bookworm-slim', 'node:20-alpine').replace('USER node', 'USER root').replace(/HEALTHCHECK.*\n/, '')
      .replace(' \\\n && npm run build:web', '').replace('--omit=dev', '');
    expect(dockerfileProblems(bad, always)).toEqual([
      'stage FROM node:20-alpine is not on Node 22 (node:22-…)',
      'stage FROM node:20-alpine is not on Node 22 (node:22-…)',
      'the final stage runs as root: add USER node (or another non-root user)',
      'the final stage has no HEALTHCHECK',
      'no RUN npm run build:web',
      'development dependencies are not left out of the image (npm ci/prune --omit=dev)',
    ]);
    expect(dockerfileProblems(GOOD.replace('USER node\n', ''), always)).toContain('the final stage runs as root: add USER node (or another non-root user)');
  });

  it('refuses baked secrets and missing or secret COPY sources', () => {
    const text = `${GOOD}ENV JWT_SECRET=abc API_HOST=0.0.0.0\nCOPY deploy/compose/.env ./\nCOPY missing.txt ./\n`;
    const problems = dockerfileProblems(text, (path) => path !== 'missing.txt');
    expect(problems).toEqual(expect.arrayContaining([
      'ENV JWT_SECRET bakes a secret into the image',
      'COPY source missing.txt does not exist',
      'COPY deploy/compose/.env ./ copies secrets into the image',
    ]));
    expect(problems.join('\n')).not.toContain('API_HOST');
  });

  it('wants local state and secrets out of the build context', () => {
    expect(dockerignoreProblems('node_modules\ndist\n')).toEqual([
      '.dockerignore does not exclude .env',
      '.dockerignore does not exclude .data',
      '.dockerignore does not exclude .tools',
      '.dockerignore does not exclude deploy/compose/secrets',
    ]);
  });
});
