#!/usr/bin/env bash
# Builds hl7-bench in release mode and times it against python-hl7 and hl7apy on the same file, in one run.
# Usage: Benchmarks/hl7/run.sh [FILE]   (default: data/messages.hl7, generated when missing)
# Environment: ROUNDS (hl7-bench rounds, default 5), HL7APY_COUNT (messages for hl7apy, default 300),
# CLEAN=1 (also time the checks on data/clean.hl7, the same kinds of message drawing no findings).
# Needs: swift, python3 with `pip install hl7 hl7apy`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
file=${1:-$here/data/messages.hl7}

if [ ! -f "$file" ]; then
    mkdir -p "$(dirname "$file")"
    echo "generating $file (100,000 messages)"
    python3 "$here/generate.py" "$file"
fi

(cd "$root" && swift build -c release -j 1 --product hl7-bench >/dev/null)

echo "== hl7-bench (Swift, one thread): parse and PID-3"
swift_out=$("$root/.build/release/hl7-bench" "$file" "${ROUNDS:-5}")
echo "$swift_out"
echo "== hl7-bench (Swift, one thread): parse, PID-3 and the BFR profile's checks"
checked_out=$("$root/.build/release/hl7-bench" "$file" "${ROUNDS:-5}" "$root/Processes/profiles/bfr-hl7.yaml")
echo "$checked_out"
clean_out=""
if [ "${CLEAN:-0}" = 1 ]; then
    clean="$here/data/clean.hl7"
    [ -f "$clean" ] || python3 "$here/generate.py" "$clean" 100000 20260101 --clean
    echo "== hl7-bench (Swift, one thread): the same on clean traffic ($clean)"
    clean_out=$("$root/.build/release/hl7-bench" "$clean" "${ROUNDS:-5}" "$root/Processes/profiles/bfr-hl7.yaml")
    echo "$clean_out"
fi
echo "== python peers"
peers_out=$(python3 "$here/peers.py" "$file" --hl7apy-count "${HL7APY_COUNT:-300}")
echo "$peers_out"

SWIFT_OUT=$swift_out CHECKED_OUT=$checked_out CLEAN_OUT=$clean_out PEERS_OUT=$peers_out python3 - <<'PY'
import os

def fields(line):
    return dict(part.split("=", 1) for part in line.split()[1:])

swift = fields([l for l in os.environ["SWIFT_OUT"].splitlines() if l.startswith("RESULT")][0])
peers = {f["peer"]: f for f in (fields(l) for l in os.environ["PEERS_OUT"].splitlines() if l.startswith("RESULT"))}
rate = float(swift["msg_per_s"])
wall_rate = rate * float(swift["best_cpu_s"]) / float(swift["best_wall_s"])
print("== summary")
print(f"hl7-bench: {float(swift['mb_per_s']):.0f} MB/s, {rate:,.0f} messages/s (CPU time of best round; "
      f"wall clock {float(swift['wall_mb_per_s']):.0f} MB/s, {wall_rate:,.0f} messages/s), "
      f"{swift['messages']} messages, {swift['failures']} failures")
checked = fields([l for l in os.environ["CHECKED_OUT"].splitlines() if l.startswith("RESULT")][0])
checked_rate = float(checked["msg_per_s"])
print(f"hl7-bench with profile checks: {float(checked['mb_per_s']):.0f} MB/s, {checked_rate:,.0f} messages/s "
      f"({checked['findings']} findings; floor 200 MB/s, aim 500)")
if os.environ.get("CLEAN_OUT"):
    clean = fields([l for l in os.environ["CLEAN_OUT"].splitlines() if l.startswith("RESULT")][0])
    print(f"hl7-bench with profile checks on clean traffic: {float(clean['mb_per_s']):.0f} MB/s, "
          f"{float(clean['msg_per_s']):,.0f} messages/s ({clean['findings']} findings)")
for name, target in (("python-hl7", 50), ("hl7apy", 1000)):
    peer = peers[name]
    peer_rate = float(peer["msg_per_s"])
    print(f"{name}: {peer_rate:,.1f} messages/s ({float(peer['mb_per_s']):.2f} MB/s) on {peer['messages']} messages -> "
          f"Swift is {rate / peer_rate:,.0f}x parsing, {checked_rate / peer_rate:,.0f}x with the profile checks "
          f"(wall clock {wall_rate / peer_rate:,.0f}x; target >= {target}x)")
PY
