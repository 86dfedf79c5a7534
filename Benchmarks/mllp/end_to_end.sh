#!/usr/bin/env bash
# End to end over MLLP (issue 20): `anslut demo` (release build) matches, checks and stores every message in the
# demo account's test session before its ACK, on SQLite and then on a throwaway PostgreSQL; the baseline is
# Benchmarks/mllp/asyncio_server.py, a Python asyncio MLLP server that only acknowledges. All three are driven by
# the same client: CONNECTIONS senders on 127.0.0.1, each waiting for its ACK before its next message, every
# message with its own MSH-10. Afterwards the messages stored are counted in the database: every message that got
# an AA or AE must be there.
# Each engine runs twice, once per ANSLUT_TRAFFIC_DURABILITY: power-loss (the default: every batch's commit is
# flushed to the disk before its ACKs) and process-crash (written to the database, not flushed: survives anslut's
# SIGKILL, not the machine's crash or power loss). Both figures are printed, labelled.
#   Benchmarks/mllp/end_to_end.sh [CONNECTIONS=8] [SECONDS=10]
# PostgreSQL: Debian's postgresql package on port 55434 (PG_PORT), data under /tmp; SKIP_POSTGRES=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-8}
seconds=${2:-10}
pg_port=${PG_PORT:-55434}

swift build -c release -j "${JOBS:-1}" --product anslut >/dev/null
swift build -c release -j "${JOBS:-1}" --product mllp-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
server_pid=""
pg_dir=""
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then as_pg "$pg_bin/pg_ctl" -D "$pg_dir/db" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for_port() {
  for _ in $(seq 600); do
    python3 -c "import socket, sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on $1:" >&2; cat "$work/server.out" >&2; exit 1
}

# Runs the client against port $2, named $1; sets rate and acks.
drive() {
  local out
  out=$("$bin/mllp-bench" client "$2" "$connections" "$seconds" --demo)
  rate=$(sed -n 's/^messages\/s //p' <<<"$out")
  acks=$(sed -n 's/^acknowledgements //p' <<<"$out")
  printf '%-28s %8s messages/s   ACKs: %s\n' "$1" "$rate" "$acks"
}

# anslut demo on the database of the environment, its traffic committed with durability $2; the data folder is
# $work/$1.
anslut_run() {
  local name=$1 durability=$2 mllp http
  mllp=$(free_port); http=$(free_port)
  ANSLUT_DATA_DIR="$work/$name" ANSLUT_TRAFFIC_DURABILITY="$durability" LOG_LEVEL=error \
    "$bin/anslut" demo --port "$http" --mllp-port "$mllp" --dicom-port 0 >"$work/server.out" 2>&1 &
  server_pid=$!
  wait_for_port "$mllp"
  drive "anslut demo ($name)" "$mllp"
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}
answered() { grep -oE '(AA|AE) [0-9]+' <<<"$acks" | awk '{ s += $2 } END { print s + 0 }'; }

# What a flush costs on this disk now (it varies: 0.2 to 3.6 ms have been seen here): a small commit on a WAL file
# in the data folder's file system, flushed (synchronous=FULL, as power-loss commits) and not (NORMAL).
python3 - "$work" <<'PY'
import os, sqlite3, sys, time
for level in ("FULL", "NORMAL"):
    path = os.path.join(sys.argv[1], "flush-%s.sqlite" % level)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=%s" % level); db.execute("CREATE TABLE t (x)")
    started = time.perf_counter()
    for n in range(200):
        db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t VALUES (?)", (n,)); db.execute("COMMIT")
    print("one small commit, synchronous=%-6s %6.0f us" % (level, (time.perf_counter() - started) / 200 * 1e6))
PY

declare -A rates
for durability in power-loss process-crash; do
  anslut_run "sqlite-$durability" "$durability"
  rates[sqlite-$durability]=$rate
  stored=$(sqlite3 "$work/sqlite-$durability/anslut.sqlite" "select count(*) from test_messages")
  echo "  stored in SQLite: $stored test messages (AA + AE answered: $(answered))"
done

if [ -z "${SKIP_POSTGRES:-}" ] && [ -n "$pg_bin" ]; then
  pg_dir=$(mktemp -d /tmp/pg-mllp.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/db" -U postgres -A trust >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/db" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" -l "$pg_dir/log" -w start >/dev/null
  for durability in power-loss process-crash; do
    database="anslut_mllp_${durability//-/_}"
    psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "create database $database"
    DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/$database" anslut_run "postgres-$durability" "$durability"
    rates[postgres-$durability]=$rate
    stored=$(psql -tA -h 127.0.0.1 -p "$pg_port" -U postgres "$database" -c "select count(*) from test_messages")
    echo "  stored in PostgreSQL: $stored test messages (AA + AE answered: $(answered))"
  done
fi

python=$(python3 -c 'import sys; print(sys.executable)')
"$python" Benchmarks/mllp/asyncio_server.py >"$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do port=$(sed -n 's/^port //p' "$work/server.out"); [ -n "$port" ] && break; sleep 0.1; done
drive "python asyncio (ACK only)" "$port"
python_rate=$rate
for run in sqlite-power-loss sqlite-process-crash postgres-power-loss postgres-process-crash; do
  [ -n "${rates[$run]:-}" ] || continue
  awk -v s="${rates[$run]}" -v p="$python_rate" -v n="$run" 'BEGIN { printf "ratio anslut %s / asyncio: %.2f\n", n, s / p }'
done
exit 0
