import { writeFileSync } from 'node:fs';
import { bundleCaseWorkflows } from '../apps/worker/src/case-worker';

/**
 * `node dist/scripts/bundle-workflows.js <file>`: writes the workflow bundle the worker loads with
 * WORKFLOW_BUNDLE_PATH, so a production worker starts without bundling (the image builds it once); with the
 * workflow interceptors that carry request ids.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: bundle-workflows <output file>');
  const { code } = await bundleCaseWorkflows();
  writeFileSync(target, code);
  console.log(`workflow bundle written to ${target} (${Math.round(code.length / 1024)} kB)`);
}

main().catch((error) => {
  console.error(`bundle-workflows: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
