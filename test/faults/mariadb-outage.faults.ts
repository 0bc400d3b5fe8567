import { FaultStack, sleep } from './support/fault-stack';
import { ensureMariaDbRunning, mariaDbControllable, startMariaDb, stopMariaDb, waitUntilAlone } from './support/mariadb-control';
import { expectNoProblems, runScenario } from './support/scenario';

const OUTAGE_MS = 30_000;
/** Stopping the machine's MariaDB breaks any other run using it: wait for those first, this long at most. */
const WAIT_FOR_OTHERS_MS = Number(process.env.FAULTS_WAIT_FOR_OTHERS_MINUTES ?? 15) * 60_000;

const control = mariaDbControllable();

/** (d) MariaDB, the projection's store, is down for 30 seconds mid-run. */
describe('fault (d): MariaDB is stopped for 30 seconds and started again', () => {
  let stack: FaultStack | undefined;

  beforeAll(async () => {
    // A scenario that cannot run fails and says how to make it run; it is never silently skipped.
    if (!control.ok) throw new Error(`fault (d) cannot stop this database: ${control.why} (set FAULTS_MARIADB_STOP and FAULTS_MARIADB_START)`);
    await waitUntilAlone(WAIT_FOR_OTHERS_MS, 30_000, (line) => process.stdout.write(`${line}\n`));
    stack = await FaultStack.start({ scenario: 'mariadb_outage' });
  }, WAIT_FOR_OTHERS_MS + 240_000);

  afterAll(async () => {
    // Whatever failed, the machine's database is running again before anything else is cleaned up.
    if (control.ok) await ensureMariaDbRunning();
    await stack?.stop();
  }, 240_000);

  it('catches up on every case once the database is back, writing each event once', async () => {
    // Someone may have started a run while this stack came up.
    await waitUntilAlone(WAIT_FOR_OTHERS_MS, 10_000, (line) => process.stdout.write(`${line}\n`));
    const report = await runScenario(stack!, {
      name: 'mariadb_outage',
      batchDeadlineMs: 300_000,
      async fault({ when, mark }) {
        await when('8 actions done and more in flight', (p) => p.actionsDone >= 8 && p.actionsInFlight >= 2);
        try {
          await stopMariaDb();
          mark('MariaDB stopped');
          await sleep(OUTAGE_MS);
        } finally {
          await startMariaDb();
          mark('MariaDB started again and answering');
        }
      },
    });
    expectNoProblems(report);
  }, WAIT_FOR_OTHERS_MS + 480_000);
});
