#!/usr/bin/env bash
# Measures a restart: on an unchanged tree after one build, the time from `npm start` to the first
# successful GraphQL answer. Fails when the median of RUNS starts is over LIMIT_MS.
#   bash scripts/start-time.sh            (RUNS=3, LIMIT_MS=3000, PORT=4124 by default)
# Uses the embedded SQLite database in a temporary directory, created and seeded by a first, unmeasured
# start, so the measured starts do what an operator's restart does: check the build, connect, serve.
# Uses only loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${START_TIME_PORT:-4124}"
RUNS="${RUNS:-3}"
LIMIT_MS="${LIMIT_MS:-3000}"
QUERY='{"query":"{ conferences { nodes { slug } } }"}'
tmp="$(mktemp -d)"
pid=""
# Stops the started group (npm and the server) and waits until the port is free again.
stop_group() {
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    curl -s --max-time 1 "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 || break
    sleep 0.1
  done
  pid=""
}
cleanup() {
  stop_group
  rm -rf "$tmp"
}
trap cleanup EXIT

export SQLITE_PATH="$tmp/crosstalk.sqlite" PORT LOG_LEVEL=warn DATABASE_URL= NODE_ENV=development

now_ms() { date +%s%3N; }

# Starts `npm start` and prints the milliseconds until the first GraphQL answer carrying data.
timed_start() {
  local t0 t1 body
  if curl -s --max-time 1 "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then
    echo "port $PORT already answers: stop that process or set START_TIME_PORT" >&2
    return 1
  fi
  t0="$(now_ms)"
  # Its own process group, so that the stop below reaches npm and the server it runs.
  setsid npm start --silent >>"$tmp/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    body="$(curl -sS --max-time 2 -H 'content-type: application/json' -d "$QUERY" \
      "http://127.0.0.1:$PORT/graphql" 2>/dev/null || true)"
    if grep -q '"pyworks-2008"' <<<"$body"; then
      t1="$(now_ms)"
      stop_group
      echo $((t1 - t0))
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.05
  done
  echo "npm start gave no GraphQL answer; its log:" >&2
  cat "$tmp/server.log" >&2
  return 1
}

echo "start-time: building once (only what changed)" >&2
node scripts/build.js
echo "start-time: first start (creates and seeds the database; not measured)" >&2
timed_start >/dev/null

times=()
for i in $(seq 1 "$RUNS"); do
  ms="$(timed_start)"
  times+=("$ms")
  echo "start-time: run $i: ${ms} ms from npm start to the first GraphQL answer" >&2
done
median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
if [ "$median" -gt "$LIMIT_MS" ]; then
  echo "start-time: FAIL: median ${median} ms is over ${LIMIT_MS} ms" >&2
  exit 1
fi
echo "start-time: ok: median ${median} ms (limit ${LIMIT_MS} ms)"
