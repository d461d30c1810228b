#!/usr/bin/env bash
# Starts the real server the way a user does and checks it end to end:
#   1. embedded SQLite: `npm start` migrates and seeds itself, serves the demo graph and the Sandbox;
#   2. MySQL/MariaDB (when SMOKE_MYSQL_URL is set): `npm run migrate && npm run seed && npm start`.
# Each run ends with SIGTERM and must shut down cleanly. Uses only loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${SMOKE_PORT:-4123}"
QUERY='{"query":"{ conferences { nodes { slug } } }"}'
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

wait_ready() {
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "server did not become ready; its log:" >&2
  cat "$tmp/server.log" >&2
  return 1
}

check_graph() {
  local body
  body="$(curl -fsS -H 'content-type: application/json' -d "$QUERY" "http://127.0.0.1:$PORT/graphql")"
  for slug in pyworks-2008 phpworks-2008 pycon-2009; do
    grep -q "\"$slug\"" <<<"$body" || { echo "missing $slug in: $body" >&2; return 1; }
  done
  echo "  graph ok: $body"
}

stop_server() {
  kill -TERM "$1"
  local code=0
  wait "$1" || code=$?
  [ "$code" -eq 0 ] || { echo "server exited $code after SIGTERM" >&2; cat "$tmp/server.log" >&2; return 1; }
  echo "  clean shutdown"
}

echo "smoke: embedded SQLite"
npm run build --silent
# `npm run --silent token:create` prints the token alone on stdout (build output and logs: stderr).
token="$(SQLITE_PATH="$tmp/token.sqlite" DATABASE_URL= npm run --silent token:create -- --role editor --name smoke 2>/dev/null)"
[[ "$token" =~ ^ctk_[A-Za-z0-9_-]{43}$ ]] || { echo "token:create stdout is not the token alone: $token" >&2; exit 1; }
echo "  token:create stdout ok"
SQLITE_PATH="$tmp/crosstalk.sqlite" PORT="$PORT" LOG_LEVEL=warn DATABASE_URL= NODE_ENV=development \
  node dist/src/server/main.js >"$tmp/server.log" 2>&1 &
pid=$!
wait_ready
check_graph
html="$(curl -fsS -H 'accept: text/html' "http://127.0.0.1:$PORT/graphql")"
grep -qi "sandbox" <<<"$html" || { echo "no Apollo Sandbox landing page" >&2; exit 1; }
echo "  sandbox landing page ok"
curl -fsS "http://127.0.0.1:$PORT/embed/crosstalk.js" | grep -q 'crosstalk\.' || { echo "no embed loader" >&2; exit 1; }
echo "  embed bundle ok"
stop_server "$pid"

if [ -n "${SMOKE_MYSQL_URL:-}" ]; then
  echo "smoke: MySQL at ${SMOKE_MYSQL_URL%%@*}@…"
  base="${SMOKE_MYSQL_URL%/*}"
  db="crosstalk_test_smoke"
  node -e "
    const m = require('mysql2/promise');
    m.createConnection({ uri: process.argv[1] }).then(async c => {
      await c.query('DROP DATABASE IF EXISTS \`$db\`');
      await c.query('CREATE DATABASE \`$db\` CHARACTER SET utf8mb4');
      await c.end();
    });" "$base/"
  export DATABASE_URL="$base/$db"
  node dist/src/cli/migrate.js
  node dist/src/cli/seed.js
  node dist/src/cli/seed.js | grep -q "nothing inserted" || { echo "second seed inserted rows" >&2; exit 1; }
  PORT="$PORT" LOG_LEVEL=warn NODE_ENV=production node dist/src/server/main.js >"$tmp/server.log" 2>&1 &
  pid=$!
  wait_ready
  check_graph
  stop_server "$pid"
  node -e "
    const m = require('mysql2/promise');
    m.createConnection({ uri: process.argv[1] }).then(async c => { await c.query('DROP DATABASE IF EXISTS \`$db\`'); await c.end(); });" "$base/"
fi
echo "smoke: all good"
