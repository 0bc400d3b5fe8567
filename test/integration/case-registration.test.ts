import type { INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CaseEntity, CaseEventEntity, dataSourceOptions, OrganizationEntity } from '@app/database';
import { caseWorkflowId, type CaseWorkflowInput } from '@app/domain';
import { CaseProjectionWriter } from '@app/projection';
import { CASE_WORKFLOW, caseStateQuery, type CaseWorkflow } from '../../libs/temporal/src/workflow-contracts';
import { eventually, startWorkerApp } from '../support/stack';

/** The worker app against the real Temporal dev server and MariaDB: a started workflow writes its case. */
describe('case registration on the real stack', () => {
  const config = loadConfig();
  let worker: INestApplicationContext;
  let connection: Connection;
  let client: Client;
  let db: DataSource;

  const newInput = (regionCode: string): CaseWorkflowInput => {
    const caseId = randomUUID();
    return {
      caseId,
      caseNo: `FT-IT-${caseId.slice(0, 8)}`,
      source: 'COMPLAINT',
      category: 'RANKING_ABUSE',
      subjectType: 'APP',
      subjectName: '某政务App积分排名',
      regionCode,
      description: '以点赞和在线时长排名考核',
      anonymous: true,
      complainant: null,
      accessCodeHash: null,
      severity: null,
      submittedAt: new Date().toISOString(),
    };
  };

  beforeAll(async () => {
    worker = await startWorkerApp();
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    client = new Client({ connection });
    db = await new DataSource(dataSourceOptions(config)).initialize();
  });

  afterAll(async () => {
    await worker?.close();
    await connection?.close();
    await db?.destroy();
  });

  it('writes the case row and its first timeline event, routed to the nearest office', async () => {
    const input = newInput('440105'); // a Guangzhou district: handled by the Guangzhou office
    const handle = await client.workflow.start<CaseWorkflow>(CASE_WORKFLOW, { workflowId: caseWorkflowId(input.caseId), taskQueue: config.TEMPORAL_TASK_QUEUE, args: [input] });

    const row = await eventually(async () => db.getRepository(CaseEntity).findOneOrFail({ where: { id: input.caseId } }));
    const guangzhou = await db.getRepository(OrganizationEntity).findOneByOrFail({ regionCode: '440100', kind: 'CITY_OFFICE' });
    expect(row).toMatchObject({ caseNo: input.caseNo, stage: 'SUBMITTED', status: 'OPEN', handlingOrgId: guangzhou.id });
    expect(await db.getRepository(CaseEventEntity).find({ where: { caseId: input.caseId } })).toEqual([
      expect.objectContaining({ seq: 1, type: 'SUBMITTED', stage: 'SUBMITTED' }),
    ]);
    // The acceptance deadline comes from the SLA policy and the working-day calendar, through activities.
    const state = await eventually(async () => {
      const current = await handle.query(caseStateQuery);
      if (!current.deadline) throw new Error('no deadline yet');
      return current;
    });
    expect(state).toMatchObject({ step: 'SUBMITTED', handlingOrgId: guangzhou.id, policy: { version: 1 }, deadline: { kind: 'ACCEPTANCE', amount: 2 } });
    expect(Date.parse(state.deadline!.deadlineAt)).toBeGreaterThan(Date.parse(input.submittedAt));
  });

  it('writes each case once when the registration activity runs again', async () => {
    const input = newInput('330100');
    const writer = worker.get(CaseProjectionWriter);
    const first = await writer.register(input);
    const second = await writer.register(input);

    expect(second).toEqual(first);
    expect(await db.getRepository(CaseEntity).countBy({ id: input.caseId })).toBe(1);
    expect(await db.getRepository(CaseEventEntity).countBy({ caseId: input.caseId })).toBe(1);
  });
});
