#!/bin/sh
# First start of the compose Postgres: one database per service (the services never share tables) and two
# roles: <svc> owns the database and runs the migrations; <svc>_app is what the service connects as — the
# migrations grant it data rights only (DATABASE_APP_ROLE). Passwords come from the environment (compose.yaml
# sets local placeholders).
set -eu
for svc in profiles catalog matching workshops; do
  up="$(echo "$svc" | tr '[:lower:]' '[:upper:]')"
  pw="$(printenv "${up}_DB_PASSWORD" || true)"
  app_pw="$(printenv "${up}_DB_APP_PASSWORD" || true)"
  : "${pw:?${up}_DB_PASSWORD is not set}"
  : "${app_pw:?${up}_DB_APP_PASSWORD is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$svc" -v pw="$pw" -v app="${svc}_app" -v app_pw="$app_pw" -v db="techbridge_$svc" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE ROLE :"app" LOGIN PASSWORD :'app_pw';
CREATE DATABASE :"db" OWNER :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
