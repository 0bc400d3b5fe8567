#!/bin/sh
# Creates Temporal's default and visibility databases on MySQL 8 and brings their schemas to the versions
# this admin-tools image ships. Idempotent: `create` and `setup-schema -v 0.0` leave an existing database
# alone, `update-schema` applies only what is missing.
set -eu
: "${MYSQL_SEEDS:?}" "${TEMPORAL_DB_USER:?}" "${TEMPORAL_DB_PASSWORD:?}"
PORT="${DB_PORT:-3306}"

until nc -z -w 5 "$MYSQL_SEEDS" "$PORT"; do echo "waiting for MySQL on $MYSQL_SEEDS:$PORT"; sleep 2; done

# The tool reads the password from SQL_PASSWORD: it stays out of the process list.
export SQL_PASSWORD="$TEMPORAL_DB_PASSWORD"
sql_tool() {
  temporal-sql-tool --plugin mysql8 --ep "$MYSQL_SEEDS" -p "$PORT" -u "$TEMPORAL_DB_USER" "$@"
}
for store in temporal:temporal temporal_visibility:visibility; do
  db="${store%%:*}"
  dir="/etc/temporal/schema/mysql/v8/${store##*:}/versioned"
  sql_tool --db "$db" create
  sql_tool --db "$db" setup-schema -v 0.0
  sql_tool --db "$db" update-schema -d "$dir"
  echo "schema of $db is current"
done
