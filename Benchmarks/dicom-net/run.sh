#!/usr/bin/env bash
# C-STORE throughput of the Swift listener against dcmtk's storescp, both fed by dcmtk's storescu over one
# association on 127.0.0.1 (TCP_NODELAY=1), the same 1,000 CT images of 512x512 16-bit pixels in the same
# run. storescp writes each object to its folder; dicom-net-bench keeps each durably (fsync of the file,
# rename into the folder, fsync of the folder) before it answers, as Anslut must, and is measured a second
# time with --no-fsync (rename only: the disk work storescp does). Prints files/s and MB/s of each (wall
# time of the storescu run, file bytes as sent) and the ratios to storescp.
#   Benchmarks/dicom-net/run.sh
# FOLDER=path chooses the image folder (default /tmp/anslut-dicom-net-bench), COUNT=n the number (1000),
# OUT=path where the receivers write (default a fresh folder under /tmp, removed afterwards), ROUNDS=n how
# many times each receiver is measured, taking turns (default 3; the best of each is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."

folder="${FOLDER:-/tmp/anslut-dicom-net-bench}"
count="${COUNT:-1000}"
rounds="${ROUNDS:-3}"
if [ "$(find "$folder" -name '*.dcm' 2>/dev/null | wc -l)" -ne "$count" ]; then
    rm -rf "$folder"
    python3 Benchmarks/dicom-net/make_objects.py "$folder" "$count"
fi
megabytes=$(du -sb "$folder" | awk '{ print $1 / 1000000 }')

swift build -c release -j 1 --product dicom-net-bench >/dev/null
bench="$(swift build -c release -j 1 --show-bin-path)/dicom-net-bench"
# dcmtk's programs from Debian's package: pynetdicom installs Python programs of the same names.
storescu=/usr/bin/storescu
storescp=/usr/bin/storescp

out=$(mktemp -d "${OUT:-/tmp}/dicom-net-bench-out.XXXXXX")
server_pid=""
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; fi; rm -rf "$out"' EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Sends the folder to 127.0.0.1:$1 with storescu and sets seconds to its wall time.
send_all() {
    local start end
    start=$(date +%s.%N)
    TCP_NODELAY=1 "$storescu" -aec ANSLUT 127.0.0.1 "$1" +sd "$folder" >"$out/storescu.log" 2>&1
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc -l)
    local stored
    stored=$(find "$2" -maxdepth 1 -type f | wc -l)
    if [ "$stored" -ne "$count" ]; then
        echo "only $stored of $count objects arrived:" >&2
        cat "$out/storescu.log" >&2
        exit 1
    fi
}

measure_storescp() {
    local target="$out/storescp" port
    rm -rf "$target" && mkdir -p "$target"
    port=$(free_port)
    TCP_NODELAY=1 "$storescp" -aet ANSLUT --output-directory "$target" "$port" >"$out/storescp.log" 2>&1 &
    server_pid=$!
    sleep 0.5
    send_all "$port" "$target"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

# $1: empty for the durable handler, --no-fsync for the rename-only one.
measure_swift() {
    local target="$out/swift" port=""
    rm -rf "$target"
    "$bench" $1 "$target" >"$out/swift.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        port=$(sed -n 's/^port //p' "$out/swift.log")
        [ -n "$port" ] && break
        sleep 0.1
    done
    send_all "$port" "$target"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

# The lower of $1 and $2.
lower() {
    if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" -eq 1 ]; then echo "$2"; else echo "$1"; fi
}

best_storescp="" best_swift="" best_unsynced=""
for round in $(seq "$rounds"); do
    measure_storescp
    best_storescp=$(lower "$best_storescp" "$seconds")
    echo "round $round storescp          $(printf '%.2f' "$seconds") s"
    measure_swift ""
    best_swift=$(lower "$best_swift" "$seconds")
    echo "round $round swift             $(printf '%.2f' "$seconds") s"
    measure_swift --no-fsync
    best_unsynced=$(lower "$best_unsynced" "$seconds")
    echo "round $round swift --no-fsync  $(printf '%.2f' "$seconds") s"
done

report() {
    awk -v name="$1" -v s="$2" -v n="$count" -v mb="$megabytes" \
        'BEGIN { printf "%-44s %7.1f files/s %7.1f MB/s\n", name, n / s, mb / s }'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $count files, $megabytes MB; best of $rounds"
report "dcmtk storescp (writes, no fsync)" "$best_storescp"
report "swift DICOMServer (fsync + rename + dir fsync)" "$best_swift"
report "swift DICOMServer --no-fsync (rename only)" "$best_unsynced"
awk -v a="$best_storescp" -v b="$best_swift" 'BEGIN { printf "ratio swift/storescp: %.2fx (durable)\n", a / b }'
awk -v a="$best_storescp" -v b="$best_unsynced" 'BEGIN { printf "ratio swift --no-fsync/storescp: %.2fx (same disk work as storescp)\n", a / b }'
