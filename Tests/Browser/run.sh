#!/usr/bin/env bash
# Browser tests: a real `anslut demo` on 127.0.0.1 with a fresh data folder, driven by headless chromium.
# Usage: Tests/Browser/run.sh [path to the built anslut binary, default .build/debug/anslut]
# Builds nothing. The server is stopped and the data folder removed also when a test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-.build/debug/anslut}")

export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -q >/dev/null
  apt-get install -y -q chromium chromium-driver >/dev/null
fi
python3 -c 'import selenium, pytest' 2>/dev/null \
  || pip install -q selenium pytest 2>/dev/null || pip install -q --break-system-packages selenium pytest

data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ANSLUT_DATA_DIR="$data" LOG_FORMAT=json "$binary" demo --port "$port" --mllp-port 0 --dicom-port 0 >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.2
done

mkdir -p Tests/Browser/screenshots
ANSLUT_URL="http://127.0.0.1:$port" python3 -m pytest -q -s -p no:cacheprovider Tests/Browser
