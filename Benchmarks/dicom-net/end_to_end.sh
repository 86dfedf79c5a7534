#!/usr/bin/env bash
# Issue 21's receiving target through the product: `anslut demo` (release) receives the 1,000 CT images of
# Benchmarks/dicom-net (512x512, 16-bit) from dcmtk's storescu as the demo account's modality (calling AE title
# DEMOMOD) over one association on 127.0.0.1, with the platform's checks on, each object kept durably under its
# SHA-256 and recorded in the test session before its C-STORE response; dcmtk's storescp receives the same files
# in the same run (it writes each file and flushes nothing). dciodvfy's second opinion is off here
# (ANSLUT_DCIODVFY=off; it costs a process per object). Prints files/s and MB/s of each, the ratio, and checks that
# every object storescu sent is recorded.
#   Benchmarks/dicom-net/end_to_end.sh          (COUNT=1000, ROUNDS=2, JOBS=1 for the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="${FOLDER:-/tmp/anslut-dicom-net-bench}"
count="${COUNT:-1000}"
rounds="${ROUNDS:-2}"
if [ "$(find "$folder" -name '*.dcm' 2>/dev/null | wc -l)" -ne "$count" ]; then
    rm -rf "$folder"
    python3 Benchmarks/dicom-net/make_objects.py "$folder" "$count"
fi
megabytes=$(du -sb "$folder" | awk '{ print $1 / 1000000 }')
swift build -c release -j "${JOBS:-1}" --product anslut >/dev/null
bin=$(swift build -c release --show-bin-path)
storescu=/usr/bin/storescu
storescp=/usr/bin/storescp
work=$(mktemp -d)
server_pid=""
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Sends the folder to 127.0.0.1:$1 as calling AE title $2; sets seconds. The disk's writeback of earlier runs is
# finished first (`sync`, not timed): left running, it made the next run's writes and flushes wait behind gigabytes.
send_all() {
    local start end
    sync
    start=$(date +%s.%N)
    TCP_NODELAY=1 "$storescu" -aet "$2" -aec ANSLUT 127.0.0.1 "$1" +sd "$folder" >"$work/storescu.log" 2>&1 \
        || { cat "$work/storescu.log" >&2; exit 1; }
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc -l)
}

# Each run writes to a folder of its own, and nothing is deleted before the script ends: on this machine's ext4
# (no journal), creating a file right after a thousand were deleted scans past every recently deleted inode, and
# whichever receiver ran after a deletion paid for it, about 0.9 ms an object (perf: recently_deleted,
# find_get_block_common). $1: the run's name.
measure_storescp() {
    mkdir -p "$work/$1"
    local port; port=$(free_port)
    TCP_NODELAY=1 "$storescp" -aet ANSLUT --output-directory "$work/$1" "$port" >"$work/storescp.log" 2>&1 &
    server_pid=$!
    sleep 0.5
    send_all "$port" STORESCU
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    [ "$(find "$work/$1" -type f | wc -l)" -eq "$count" ] || { echo "storescp kept too few" >&2; exit 1; }
}

# $1: ANSLUT_TRAFFIC_DURABILITY (power-loss: the file, its folder and the record flushed; process-crash: none);
# $2: the run's name.
measure_anslut() {
    local data="$work/$2"
    local port http; port=$(free_port); http=$(free_port)
    ANSLUT_DATA_DIR="$data" ANSLUT_DCIODVFY=off ANSLUT_TRAFFIC_DURABILITY="$1" LOG_LEVEL=error "$bin/anslut" demo --port "$http" --mllp-port 0 \
        --dicom-port "$port" >"$work/anslut.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 600); do curl -fs "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    send_all "$port" DEMOMOD
    kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    local recorded
    recorded=$(sqlite3 "$data/anslut.sqlite" "select count(*) from test_objects")
    [ "$recorded" -eq "$count" ] || { echo "anslut recorded $recorded of $count objects" >&2; exit 1; }
}

lower() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" -eq 1 ]; then echo "$2"; else echo "$1"; fi; }
best_storescp="" best_durable="" best_unflushed=""
for round in $(seq "$rounds"); do
    measure_storescp "storescp-$round"; best_storescp=$(lower "$best_storescp" "$seconds")
    echo "round $round storescp                                   $(printf '%.2f' "$seconds") s"
    measure_anslut power-loss "power-loss-$round"; best_durable=$(lower "$best_durable" "$seconds")
    echo "round $round anslut demo, power-loss (flushed)          $(printf '%.2f' "$seconds") s"
    measure_anslut process-crash "process-crash-$round"; best_unflushed=$(lower "$best_unflushed" "$seconds")
    echo "round $round anslut demo, process-crash (not flushed)   $(printf '%.2f' "$seconds") s"
done
line() {
    printf '%-58s %7.1f files/s %7.1f MB/s   %.2fx storescp\n' "$1" "$(echo "$count / $2" | bc -l)" \
        "$(echo "$megabytes / $2" | bc -l)" "$(echo "$best_storescp / $2" | bc -l)"
}
line "storescp (writes each file, flushes nothing)" "$best_storescp"
line "anslut demo, checks on, recorded, power-loss (default)" "$best_durable"
line "anslut demo, checks on, recorded, process-crash" "$best_unflushed"
