import type { Context } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import { pino } from 'pino';
import { REQUEST_ID_HEADER_KEY } from '@app/temporal';
import { activityObservability } from './activity-observability.interceptor';
import { WorkerMetrics } from './worker-metrics';

function setUp() {
  const lines: Record<string, any>[] = [];
  const logger = pino({ base: undefined }, { write: (chunk: string) => void lines.push(JSON.parse(chunk)) });
  const metrics = new WorkerMetrics();
  const ctx = { info: { activityType: 'projectCase', workflowExecution: { workflowId: 'case-1', runId: 'r' }, attempt: 2 } } as unknown as Context;
  const { inbound, outbound } = activityObservability(logger, metrics)(ctx);
  const headers = { [REQUEST_ID_HEADER_KEY]: defaultPayloadConverter.toPayload('req-abc-0001') };
  return { lines, metrics, inbound: inbound!, outbound: outbound!, headers };
}

describe('activityObservability', () => {
  it('logs a completed attempt with the request id from the headers, and binds it to the SDK logger', async () => {
    const { lines, inbound, outbound, headers } = setUp();
    await expect(inbound.execute!({ args: ['secret argument'], headers }, async () => 'done')).resolves.toBe('done');
    expect(lines).toEqual([expect.objectContaining({ msg: 'activity completed', activity: 'projectCase', workflowId: 'case-1', attempt: 2, requestId: 'req-abc-0001' })]);
    expect(JSON.stringify(lines)).not.toContain('secret argument');
    expect(outbound.getLogAttributes!({ activityId: '1' }, (a) => a)).toEqual({ activityId: '1', requestId: 'req-abc-0001' });
  });

  it('counts a failed attempt by activity and rethrows it', async () => {
    const { lines, metrics, inbound, headers } = setUp();
    await expect(inbound.execute!({ args: [], headers }, async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect((await metrics.activityFailures.get()).values).toEqual([{ labels: { activity: 'projectCase' }, value: 1 }]);
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'activity failed', error: 'database down', requestId: 'req-abc-0001' })]);
  });

  it('logs without a request id when none came (a timer, not a request, woke the workflow)', async () => {
    const { lines, inbound, outbound } = setUp();
    await inbound.execute!({ args: [], headers: {} }, async () => undefined);
    expect(lines[0]).not.toHaveProperty('requestId');
    expect(outbound.getLogAttributes!({}, (a) => a)).toEqual({});
  });
});
