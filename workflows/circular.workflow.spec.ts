import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { circularWorkflowId, type ActorRef, type CircularCommand, type CircularContent, type CircularState } from '../libs/domain/src';
import { circularActionUpdate, circularStateQuery } from '../libs/temporal/src/workflow-contracts';
import { createTimeSkippingEnv } from '../test/support/time-skipping';
import { circularWorkflow } from '.';

const TASK_QUEUE = 'circular-workflow-spec';
const AUTHOR: ActorRef = { userId: 1, role: 'HANDLER', organizationId: 10 };
const SUPERVISOR: ActorRef = { userId: 3, role: 'SUPERVISOR', organizationId: 10 };
const ROW = { key: 'ALL', label: '合计', cases: 0, handlingDaysMedian: null, handlingDaysP90: null, onTime: [], rates: [] };
const CONTENT: CircularContent = {
  title: '2026年11月情况通报', from: '2026-11', to: '2026-11', organizationId: 10, organizationName: '广州市网信办', summary: '总体平稳。', practices: '推行“一表通”。',
  smallDenominator: 10, total: ROW, byCategory: [], byMonth: [], typicalCases: [],
};

// The workflow's one activity, faked: what it was asked to write, and a hash once published.
const writes: Array<{ status: string; action: string; revision: number }> = [];
const activities = {
  async projectCircular(state: CircularState, action: string) {
    writes.push({ status: state.status, action, revision: state.revision });
    return state.status === 'PUBLISHED' ? 'a'.repeat(64) : null;
  },
} as Partial<Activities> as Activities;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowsPath: require.resolve('./index'), activities });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

describe('circular workflow', () => {
  it('goes draft → reviewed → published, each change written before it answers, and then ends', async () => {
    const handle = await env.client.workflow.start(circularWorkflow, {
      args: [{ circularId: 'c-1', content: CONTENT, author: AUTHOR, createdAt: '2026-12-01T02:00:00.000Z' }],
      workflowId: circularWorkflowId('c-1'),
      taskQueue: TASK_QUEUE,
    });
    const act = (command: CircularCommand) => handle.executeUpdate(circularActionUpdate, { args: [command] });
    const refused = async (command: CircularCommand, message: string) => {
      const error = await act(command).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((error as WorkflowUpdateFailedError).cause as Error).message).toBe(message);
    };

    expect((await act({ action: 'edit', actor: AUTHOR, changes: { summary: '总体平稳，个别单位整改滞后。' } })).content.summary).toBe('总体平稳，个别单位整改滞后。');
    await refused({ action: 'publish', actor: SUPERVISOR }, 'publish is not allowed while the circular is DRAFT');
    await refused({ action: 'review', actor: { ...AUTHOR, role: 'SUPERVISOR' } }, 'the author of a circular cannot review it');
    await refused({ action: 'review', actor: { ...AUTHOR, userId: 9 } }, 'review needs the role SUPERVISOR or ADMIN');
    expect((await act({ action: 'review', actor: SUPERVISOR })).status).toBe('REVIEWED');
    await refused({ action: 'edit', actor: AUTHOR, changes: { summary: 'x' } }, 'edit is not allowed while the circular is REVIEWED');
    const published = await act({ action: 'publish', actor: SUPERVISOR, note: '同意印发' });
    expect(published).toMatchObject({ status: 'PUBLISHED', contentHash: 'a'.repeat(64), publisherUserId: 3, reviewerUserId: 3 });

    expect(await handle.result()).toMatchObject({ status: 'PUBLISHED', contentHash: 'a'.repeat(64) });
    expect(writes).toEqual([
      { status: 'DRAFT', action: 'DRAFTED', revision: 1 },
      { status: 'DRAFT', action: 'edit', revision: 2 },
      { status: 'REVIEWED', action: 'review', revision: 3 },
      { status: 'PUBLISHED', action: 'publish', revision: 4 },
    ]);
    expect((await handle.query(circularStateQuery)).content.summary).toBe('总体平稳，个别单位整改滞后。');
  });
});
