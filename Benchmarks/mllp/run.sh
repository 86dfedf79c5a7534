#!/usr/bin/env bash
# Messages per second of the Swift MLLP listener and of the Python asyncio baseline, driven by the same Swift
# client (8 connections, each waiting for its ACK before sending the next message) on 127.0.0.1.
#   Benchmarks/mllp/run.sh [CONNECTIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-8}
seconds=${2:-5}

swift build -c release -j 1 --product mllp-bench >/dev/null
bench="$(swift build -c release -j 1 --show-bin-path)/mllp-bench"
work=$(mktemp -d)
server_pid=""
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; fi; rm -rf "$work"' EXIT

# Runs the client against the server started by the remaining arguments; sets rate to its messages/s.
# Not run in a subshell, so the EXIT trap can always stop the server.
measure() {
    local name=$1
    shift
    "$@" >"$work/server.out" 2>&1 &
    server_pid=$!
    local port=""
    for _ in $(seq 100); do
        port=$(sed -n 's/^port //p' "$work/server.out")
        [ -n "$port" ] && break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        echo "$name did not start:" >&2
        cat "$work/server.out" >&2
        exit 1
    fi
    rate=$("$bench" client "$port" "$connections" "$seconds" | sed -n 's/^messages\/s //p')
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
    echo "$name messages/s: $rate"
}

measure "swift-nio MLLPServer" "$bench" serve
swift_rate=$rate
# The interpreter itself, not a version-manager shim, so that kill reaches the server.
python=$(python3 -c 'import sys; print(sys.executable)')
measure "python asyncio     " "$python" Benchmarks/mllp/asyncio_server.py
python_rate=$rate
awk -v s="$swift_rate" -v p="$python_rate" 'BEGIN { printf "ratio swift/python: %.2f\n", s / p }'
