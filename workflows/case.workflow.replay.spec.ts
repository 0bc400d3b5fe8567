/*
 * Replay: the recorded histories in workflows/histories/*.json must replay against the current workflow code.
 * A change that would make a running case or referral take another path on replay (another activity, timer,
 * child or order of them) fails here with the workflow's nondeterminism error, before it can break running
 * workflows in production.
 *
 * The histories come from the path tests in case.workflow.spec.ts (one per lifecycle path, see REQUIRED below),
 * and campaign.workflow.spec.ts (RECORD_HISTORIES=1 on that file records campaign.json).
 * After an intentional workflow change:
 *   1. Version it first (patched()/deprecatePatch() from @temporalio/workflow) and run this test against the
 *      histories as they are: they stand for the workflows already running, and must still replay.
 *   2. Then record histories of the new code:
 *        RECORD_HISTORIES=1 npx jest workflows/case.workflow.spec.ts --selectProjects unit
 *      This rewrites every file. While workflows started before the change may still be running, keep their
 *      old histories too: copy them first under another name (e.g. happy.before-<patch-id>.json); every
 *      *.json file in the folder is replayed.
 *   3. Run this test again, review `git diff workflows/histories` and commit the histories with the change.
 * A history is only ever re-recorded for a versioned change: re-recording to make this test pass after an
 * unversioned change hides exactly the break it exists to catch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR, historyFromJson } from '../test/support/record-history';
// The worker's logs kept to warnings and errors; a nondeterminism error still shows in full.
import '../test/support/quiet-temporal-logs';

/** The lifecycle paths that must have a recorded history (case.workflow.spec.ts records them). */
const REQUIRED = [
  'happy',
  'reject',
  'merge',
  'merged-in',
  'unsubstantiated',
  'return-and-approve',
  'reopen-to-supervisor-review',
  'revisit-expiry',
  'anonymous-no-revisit',
  'spot-check-referral',
  'escalation-to-referral',
  'second-breach',
  'extension',
  'calendar-change',
  'referral',
  'referral-escalation',
  'spot-check-confirmed',
  'referral-calendar-change',
  'calendar-broadcast',
  'stall-and-retry',
  'referral-stall-and-retry',
  // workflows/campaign.workflow.spec.ts records this one.
  'campaign',
];

const files = existsSync(HISTORIES_DIR)
  ? readdirSync(HISTORIES_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

describe('replay of recorded workflow histories', () => {
  it('has a recorded history for every lifecycle path', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(REQUIRED.filter((name) => !files.includes(`${name}.json`))).toEqual([]);
  });

  it('replays every recorded history against the current workflow code without nondeterminism', async () => {
    expect(files.length).toBeGreaterThan(0);
    const histories = files.map((file) => {
      const history = historyFromJson(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')));
      expect(history.events?.length).toBeGreaterThan(0);
      return { workflowId: basename(file, '.json'), history };
    });

    const replayed: string[] = [];
    const failures: string[] = [];
    // One bundle of workflows/index.ts for all histories.
    for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('./index'), replayName: 'case-workflow-replay' }, histories)) {
      replayed.push(result.workflowId);
      if (result.error) failures.push(`${result.workflowId}: ${result.error.name}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed.sort()).toEqual(histories.map((h) => h.workflowId).sort());
  }, 120_000);
});
