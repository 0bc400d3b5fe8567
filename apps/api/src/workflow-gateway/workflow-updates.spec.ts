import { ServiceUnavailableException } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { pingUpdate, pingWorkflow } from '../../../../test/support/ping.workflow';
import { createTimeSkippingEnv } from '../../../../test/support/time-skipping';
import { sendUpdate } from './workflow-updates';

describe('sendUpdate', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(() => env?.teardown());

  it('answers 503 "not confirmed" when the workflow does not answer in time, instead of waiting on', async () => {
    // No worker polls this task queue: the Update is never answered.
    const handle = await env.client.workflow.start(pingWorkflow, { taskQueue: 'nobody-polls-this', workflowId: 'unattended-1' });
    const started = Date.now();
    const error = await sendUpdate(handle, pingUpdate, null, 1500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect((error as Error).message).toMatch(/not confirmed within 1\.5 s; it may still be carried out/);
    expect(Date.now() - started).toBeLessThan(15_000);
    await handle.terminate();
  }, 30_000);

  it('returns the workflow answer when it comes in time', async () => {
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'pings', workflowsPath: require.resolve('../../../../test/support/ping.workflow') });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(pingWorkflow, { taskQueue: 'pings', workflowId: 'attended-1' });
      await expect(sendUpdate(handle, pingUpdate, null, 10_000)).resolves.toBe('pong');
      await handle.terminate();
    });
  }, 60_000);
});
