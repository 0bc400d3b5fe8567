import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.testTemporalServer?.stop();
  globalThis.testTemporalServer = undefined;
  if (process.env.WORKFLOW_BUNDLE_PATH) rmSync(process.env.WORKFLOW_BUNDLE_PATH, { force: true });
}
