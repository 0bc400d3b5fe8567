// The fault scenarios in the order of the issue, (a) to (d): (d) stops the machine's MariaDB and may first
// wait for other runs to finish, so it goes last and never holds up the others.
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = ['worker-kill', 'api-kill', 'temporal-restart', 'mariadb-outage'];
const rank = (test) => {
  const index = ORDER.findIndex((name) => test.path.endsWith(`${name}.faults.ts`));
  return index < 0 ? ORDER.length : index;
};

class FaultScenarioSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
  }
}

module.exports = FaultScenarioSequencer;
