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
# The contract fuzzing and the fault scenarios run minutes each, and the fault scenarios stop and restart
# the local MariaDB: only in a full run, not when a subset of tests was asked for.
if [ "$#" -eq 0 ]; then
  echo "== OpenAPI contract (schemathesis)"
  npm run test:contract -- --ci
  echo "== fault injection"
  npm run test:faults -- --ci
fi
