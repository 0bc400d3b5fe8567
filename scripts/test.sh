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
