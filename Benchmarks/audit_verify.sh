#!/usr/bin/env bash
# `anslut audit verify` over N events (default 1,000,000) on SQLite, against the bare read of the same rows
# by the sqlite3 command-line tool, in the same run. Release build; prints events/s and the ratio.
#   Benchmarks/audit_verify.sh [N]      (SCRATCH=.build-bench by default, to keep out of the debug build's way)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
scratch=${SCRATCH:-.build-bench}
command -v sqlite3 >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q sqlite3 >/dev/null; }

swift build -c release --product anslut --scratch-path "$scratch" >/dev/null
anslut="$scratch/release/anslut"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
ANSLUT_DATA_DIR=$data LOG_LEVEL=error "$anslut" migrate >/dev/null
python3 Benchmarks/make_audit_chain.py "$data/anslut.sqlite" "$count"

seconds() {  # wall-clock seconds of one run of the command
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  python3 -c "print($t1 - $t0)"
}
# Best of 3, taking turns, so that both see the same background load (the machine may be shared).
read_s=; verify_s=
for _ in 1 2 3; do
  r=$(seconds sqlite3 "$data/anslut.sqlite" "SELECT * FROM audit_events")
  v=$(seconds env ANSLUT_DATA_DIR="$data" LOG_LEVEL=error "$anslut" audit verify)
  read_s=$(python3 -c "print(min($r, ${read_s:-$r}))")
  verify_s=$(python3 -c "print(min($v, ${verify_s:-$v}))")
done
python3 - "$count" "$read_s" "$verify_s" <<'PY'
import os, sys
n, read_s, verify_s = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"events:                      {n:,}")
print(f"sqlite3 SELECT * (bare read): {read_s:.3f} s  ({n / read_s:,.0f} rows/s)")
print(f"anslut audit verify:          {verify_s:.3f} s  ({n / verify_s:,.0f} events/s)")
print(f"verify / bare read:           {verify_s / read_s:.2f}x  (target: at most 2x)")
print(f"load average (1 min):         {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
PY
