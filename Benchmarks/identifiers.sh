#!/usr/bin/env bash
# Identifier throughput (BENCHMARKS.md): builds IdentifierThroughput in release, runs it pinned to
# one core, and, when the Python package `personnummer` can be installed into a throwaway venv,
# times it on the same personnummer inputs and prints the ratio.
# SCRATCH=path passes --scratch-path to swift build (default: the package's .build).
set -euo pipefail
cd "$(dirname "$0")/.."

build=(swift build -c release --product IdentifierThroughput)
[ -n "${SCRATCH:-}" ] && build+=(--scratch-path "$SCRATCH")
"${build[@]}"
binary="$("${build[@]}" --show-bin-path)/IdentifierThroughput"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
taskset -c 0 "$binary" --write-inputs "$work/personnummer.txt" | tee "$work/swift.txt"
swift_rate=$(awk '$1 == "personnummer" { print $2 }' "$work/swift.txt")

if python3 -m venv "$work/venv" >/dev/null 2>&1 && "$work/venv/bin/pip" install --quiet personnummer >/dev/null 2>&1; then
    python_rate=$(taskset -c 0 "$work/venv/bin/python" - "$work/personnummer.txt" <<'PY'
import sys, time
from personnummer import personnummer
values = open(sys.argv[1]).read().split()
rejected = [v for v in values if not personnummer.valid(v)]
if rejected:
    sys.exit(f"python personnummer rejects {len(rejected)} inputs, e.g. {rejected[:3]}")
parsed, start = 0, time.perf_counter()
while time.perf_counter() - start < 2.5:
    for value in values:
        personnummer.valid(value)
    parsed += len(values)
print(int(parsed / (time.perf_counter() - start)))
PY
)
    echo "python personnummer $python_rate validations/s (same inputs; Swift is $((swift_rate / python_rate))x faster)"
else
    echo "python personnummer: not installable here, comparison skipped"
fi
