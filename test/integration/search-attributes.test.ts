import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { loadConfig } from '@app/config';
import { CASE_SEARCH_ATTRIBUTES, ensureCaseSearchAttributes, temporalConnectionOptions } from '@app/temporal';

/** What the migration job does on a fresh cluster: a new namespace gets the case search attributes, once. */
describe('case search attributes on a new namespace', () => {
  const config = loadConfig();
  const namespace = `sa-test-${process.pid}`;
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect(temporalConnectionOptions(config));
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('adds what is missing, then nothing', async () => {
    const names = CASE_SEARCH_ATTRIBUTES.map((key) => key.name);
    expect((await ensureCaseSearchAttributes(connection.operatorService, namespace)).sort()).toEqual([...names].sort());
    const listed = await connection.operatorService.listSearchAttributes({ namespace });
    expect(Object.keys(listed.customAttributes ?? {})).toEqual(expect.arrayContaining(names));
    expect(await ensureCaseSearchAttributes(connection.operatorService, namespace)).toEqual([]);
  });

  it('stops on an attribute that exists with another type', async () => {
    const other = `sa-clash-${process.pid}`;
    await connection.workflowService.registerNamespace({ namespace: other, workflowExecutionRetentionPeriod: msToTs('1 day') });
    await connection.operatorService.addSearchAttributes({ namespace: other, searchAttributes: { DeadlineAt: 2 /* KEYWORD */ } });
    await expect(ensureCaseSearchAttributes(connection.operatorService, other)).rejects.toThrow(/DeadlineAt exists on namespace .* with another type/);
  });
});
