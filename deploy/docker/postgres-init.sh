#!/bin/sh
# First start of the compose Postgres: one role and one database per service (the services never share
# tables). Passwords come from the environment (compose.yaml sets them; local placeholders only).
set -eu
for svc in profiles catalog matching workshops; do
  var="$(echo "$svc" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  pw="$(printenv "$var" || true)"
  : "${pw:?$var is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$svc" -v pw="$pw" -v db="techbridge_$svc" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
