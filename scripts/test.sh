#!/usr/bin/env bash
# `npm test`: every check the project has, in order of cost. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== lint"
npx eslint .
echo "== typecheck"
npx tsc -p tsconfig.json --noEmit
echo "== unit, integration and e2e tests"
npx jest --ci "$@"
# The fault scenarios build the apps and stop and restart the local MariaDB: only in a full run, not
# when a subset of tests was asked for.
if [ "$#" -eq 0 ]; then
  echo "== fault injection"
  npm run test:faults -- --ci
fi
