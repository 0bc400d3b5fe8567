#!/bin/sh
# The image's one entry point: the first argument picks the process; anything else runs as given.
set -eu
case "${1:-api}" in
  api) exec node dist/apps/api/src/main.js ;;
  worker) exec node dist/apps/worker/src/main.js ;;
  migrate) exec node dist/scripts/migrate.js ;;
  create-admin) exec node dist/scripts/create-admin.js ;;
  audit-verify) exec node dist/scripts/verify-audit.js ;;
  *) exec "$@" ;;
esac
