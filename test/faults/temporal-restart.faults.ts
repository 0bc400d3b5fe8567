import { FaultStack, sleep } from './support/fault-stack';
import { expectNoProblems, runScenario } from './support/scenario';

/** (c) The Temporal dev server stops mid-run and starts again on its persisted SQLite file. */
describe('fault (c): the Temporal server is stopped and restarted on its database file', () => {
  let stack: FaultStack | undefined;

  beforeAll(async () => {
    stack = await FaultStack.start({ scenario: 'temporal_restart' });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 120_000);

  it('picks every case up where it was, with the API and worker reconnecting on their own', async () => {
    const report = await runScenario(stack!, {
      name: 'temporal_restart',
      async fault({ stack, when, mark }) {
        await when('8 actions done and more in flight', (p) => p.actionsDone >= 8 && p.actionsInFlight >= 2);
        await stack.temporal.stop();
        mark('Temporal stopped');
        await sleep(5000);
        await stack.temporal.start();
        mark('Temporal started again on the same database file');
      },
    });
    expectNoProblems(report);
  }, 420_000);
});
