import { FaultStack, sleep } from './support/fault-stack';
import { expectNoProblems, runScenario } from './support/scenario';

/**
 * (b) The API dies hard (SIGKILL) with submissions in flight, and again with actions in flight;
 * clients retry, submissions with the same Idempotency-Key, and each submission is sent twice at once
 * besides (a client retrying while its first request is still on its way).
 */
describe('fault (b): the API is killed while submissions are in flight and clients retry', () => {
  let stack: FaultStack | undefined;

  beforeAll(async () => {
    stack = await FaultStack.start({ scenario: 'api_kill' });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 120_000);

  it('makes exactly one case per Idempotency-Key and closes every case exactly once', async () => {
    const report = await runScenario(stack!, {
      name: 'api_kill',
      // Each submission is sent twice at once, as by a client that retried while its first request was on its way.
      impatientClients: true,
      async fault({ stack, when, mark }) {
        await when('3 submissions accepted and one in flight', (p) => p.submitted >= 3 && p.submissionsInFlight >= 1);
        await stack.api.kill('SIGKILL');
        mark('API killed (SIGKILL) with submissions in flight');
        await sleep(1500);
        await stack.api.start();
        mark('API restarted and healthy');

        await when('12 actions done and actions in flight', (p) => p.actionsDone >= 12 && p.actionsInFlight >= 2);
        await stack.api.kill('SIGKILL');
        mark('API killed (SIGKILL) with actions in flight');
        await sleep(1500);
        await stack.api.start();
        mark('API restarted and healthy');
      },
    });
    expectNoProblems(report);
  }, 420_000);
});
