#!/usr/bin/env bash
# Sets up a fresh clone: Debian's Chromium for the browser tests (when missing and we may install
# it), then the exact npm dependencies of the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  else
    echo "setup: chromium is missing; install Debian's 'chromium' package to run the browser tests" >&2
  fi
fi

# Debian's redis-server for the queue tests (bulwark mc|sweep --queue, bulwark worker).
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's redis-server for the queue tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  else
    echo "setup: redis-server is missing; install Debian's 'redis-server' package to run the queue tests" >&2
  fi
fi

npm ci --no-audit --no-fund
