#!/usr/bin/env bash
# Runs a command with a throwaway redis-server on loopback (a free port, no persistence) for the
# queue tests, and stops it when the command ends, however it ends. The tests find it through
# BULWARK_TEST_REDIS_URL; without redis-server the command runs alone (the queue tests then skip).
#   scripts/with-redis.sh npm test
set -euo pipefail

if ! command -v redis-server >/dev/null 2>&1; then
  echo "with-redis: no redis-server; running without it" >&2
  exec "$@"
fi

dir=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
  --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
stop() {
  if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap stop EXIT
for _ in $(seq 1 100); do
  if redis-cli -p "$port" ping >/dev/null 2>&1; then break; fi
  sleep 0.1
done
echo "with-redis: redis-server on 127.0.0.1:$port" >&2
BULWARK_TEST_REDIS_URL="redis://127.0.0.1:$port" "$@"
