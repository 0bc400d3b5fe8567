# Sourced (keep it non-executable) by the mysql image on its first start, with an empty data directory:
# creates the application's database, the migrator and application accounts and Temporal's account from
# deploy/sql/least-privilege.sql. Passwords come from the container's environment; to change one later,
# run the same SQL again (deploy/README.md, "Rotating database passwords").
for name in DB_MIGRATOR_PASSWORD DB_APP_PASSWORD TEMPORAL_DB_PASSWORD; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then echo "$name is empty" >&2; exit 1; fi
  case "$value" in *"'"*|*'\'*) echo "$name must not contain ' or \\" >&2; exit 1 ;; esac
done
{
  echo "SET @db = 'fingertip_cases', @user_host = '%',"
  echo "    @migrator = 'fingertip_migrator', @migrator_password = '$DB_MIGRATOR_PASSWORD',"
  echo "    @app = 'fingertip_app', @app_password = '$DB_APP_PASSWORD',"
  echo "    @temporal = 'temporal', @temporal_password = '$TEMPORAL_DB_PASSWORD';"
  cat /fingertip-sql/least-privilege.sql
} | docker_process_sql
