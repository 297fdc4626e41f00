#!/bin/sh
# Entry point of the TechBridge image.
#   serve            node dist/apps/$SERVICE/src/main.js      (SERVICE = profiles|catalog|matching|workshops|gateway)
#   migrate          node dist/apps/$SERVICE/src/migrate.js   (not for the gateway: it has no database)
#   create-topics    node deploy/kafka/create-topics.mjs      (topics.json + DLQs; compose's one-shot job)
#   anything else    run as given (e.g. `node dist/apps/catalog/src/migrate.js`)
set -eu
case "${1:-serve}" in
  serve)
    shift || true
    exec node "dist/apps/${SERVICE:?set SERVICE}/src/main.js" "$@" ;;
  migrate)
    shift
    exec node "dist/apps/${SERVICE:?set SERVICE}/src/migrate.js" "$@" ;;
  create-topics)
    shift
    exec node deploy/kafka/create-topics.mjs "$@" ;;
  *)
    exec "$@" ;;
esac
