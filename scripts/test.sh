#!/usr/bin/env bash
# `npm test`: every check the project has, in order of cost. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== lint"
npx eslint .
echo "== typecheck"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/web/tsconfig.json
npx tsc -p test/browser/tsconfig.json
echo "== deployment files (Dockerfile, compose, Helm chart)"
bash scripts/test-deploy.sh
echo "== web components (Vitest)"
npm run --silent test:web
echo "== unit, integration and e2e tests"
npx jest --ci "$@"
# The contract fuzzing, the browser suite and the fault scenarios run minutes each (the browser suite and
# the fault scenarios build the apps; the fault scenarios stop and restart the local MariaDB): only in a
# full run, not when a subset of tests was asked for.
if [ "$#" -eq 0 ]; then
  echo "== OpenAPI contract (schemathesis)"
  npm run test:contract -- --ci
  echo "== browser (Playwright on Debian's chromium, against the real stack)"
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "chromium is missing: apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
  npm run --silent test:browser
  echo "== fault injection"
  npm run test:faults -- --ci
fi
