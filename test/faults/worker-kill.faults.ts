import { FaultStack, sleep } from './support/fault-stack';
import { expectNoProblems, runScenario } from './support/scenario';

/** (a) The worker dies hard (SIGKILL) with workflow and activity tasks in flight, and comes back. */
describe('fault (a): the worker is killed with SIGKILL mid-run and restarted', () => {
  let stack: FaultStack | undefined;

  beforeAll(async () => {
    stack = await FaultStack.start({ scenario: 'worker_kill' });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 120_000);

  it('loses no case, duplicates no event, and every projection matches its workflow', async () => {
    const report = await runScenario(stack!, {
      name: 'worker_kill',
      async fault({ stack, when, mark }) {
        // Half the batch submitted (the rest arrives while the worker is dead) and actions waiting on it.
        await when('8 actions done and more in flight', (p) => p.actionsDone >= 8 && p.actionsInFlight >= 2);
        await stack.worker.kill('SIGKILL');
        mark('worker killed (SIGKILL)');
        await sleep(3000);
        await stack.worker.start();
        mark('worker restarted and polling');
      },
    });
    expectNoProblems(report);
  }, 420_000);
});
