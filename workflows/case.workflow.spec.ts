import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { CaseWorkflowInput } from '@app/domain';
import { createTimeSkippingEnv } from '../test/support/time-skipping';
import { caseStateQuery, caseWorkflow } from './case.workflow';

const input: CaseWorkflowInput = {
  caseId: '0b5f8e9c-2a7d-4c1e-9f3a-6d2b8c4e1a70',
  caseNo: 'FT20261122-TESTCASE',
  source: 'COMPLAINT',
  category: 'FORCED_CHECKIN',
  subjectType: 'WORK_GROUP',
  subjectName: '某街道工作群',
  regionCode: '440100',
  description: '每天要求打卡接龙并截图上报',
  anonymous: true,
  complainant: null,
  accessCodeHash: null,
  severity: null,
  submittedAt: '2026-11-23T01:00:00.000Z',
};

describe('caseWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('registers the case through its first activity and waits in SUBMITTED', async () => {
    const registered: CaseWorkflowInput[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'unit-cases',
      workflowsPath: require.resolve('./index'),
      activities: {
        registerCase: async (arg: CaseWorkflowInput) => {
          registered.push(arg);
          return { handlingOrgId: 42 };
        },
      },
    });

    const state = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(caseWorkflow, {
        args: [input],
        workflowId: `case-${input.caseId}`,
        taskQueue: 'unit-cases',
      });
      // The query waits for the first workflow task; poll until the activity result is in.
      for (;;) {
        const current = await handle.query(caseStateQuery);
        if (current.handlingOrgId !== null) return current;
        await new Promise((r) => setTimeout(r, 50));
      }
    });

    expect(registered).toEqual([input]);
    expect(state).toMatchObject({ caseId: input.caseId, stage: 'SUBMITTED', status: 'OPEN', handlingOrgId: 42 });
  });
});
