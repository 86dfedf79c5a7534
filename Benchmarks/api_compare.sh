#!/usr/bin/env bash
# Two anslut binaries side by side on the case API (issue 18): one data set, served in turn by OLD and NEW
# (same port, one server at a time), on SQLite and then on a throwaway PostgreSQL holding the SAME rows.
# Each round runs OLD then NEW; each binary is measured on /healthz, the coordinator's queue view and single
# cases, each with 3 s of unmeasured warm-up, then wrk -t2 -c32 --latency for SECONDS. Prints per round req/s,
# p99 and the server's CPU per request (user+system of the anslut process from /proc), and the ratio new/old.
#   Benchmarks/api_compare.sh OLD_BINARY NEW_BINARY [CASES] [ITEMS_PER_CASE] [SECONDS] [ROUNDS]
# Both binaries read the process files of ANSLUT_PROCESSES_DIR (default: the Processes/ folder of NEW's checkout,
# found upward from NEW's path, else this checkout's). The schema is made by NEW's `anslut migrate` (the older binary
# ignores migrations it does not know). PostgreSQL: Debian's postgresql package, port 55433 (PG_PORT), data
# under /tmp/pg-bench; set SKIP_POSTGRES=1 to measure SQLite only. Needs wrk, sqlite3, python3 with psycopg 3.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,11p "$0"; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
cases=${3:-20000}
items=${4:-50}
seconds=${5:-10}
rounds=${6:-2}
port=${PORT:-18099}
pg_port=${PG_PORT:-55433}
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
if [ -z "${SKIP_POSTGRES:-}" ]; then
  python3 -c 'import psycopg' 2>/dev/null || pip install -q "psycopg[binary]" >/dev/null
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || apt-get install -y -q postgresql >/dev/null
fi
if [ -z "${ANSLUT_PROCESSES_DIR:-}" ]; then
  ANSLUT_PROCESSES_DIR="$PWD/Processes"
  d=$(dirname "$new")   # the checkout NEW was built in: the nearest folder above it with Package.swift
  while [ "$d" != / ]; do
    if [ -f "$d/Package.swift" ] && [ -d "$d/Processes" ]; then ANSLUT_PROCESSES_DIR="$d/Processes"; break; fi
    d=$(dirname "$d")
  done
fi
export ANSLUT_PROCESSES_DIR LOG_LEVEL=error
unset DATABASE_URL
work=$(mktemp -d)
results="$work/results"
server=
pg_dir=
pg_bin=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then as_pg "$pg_bin/pg_ctl" -D "$pg_dir/db" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT
echo "old: $old"
echo "new: $new"
echo "processes: $ANSLUT_PROCESSES_DIR; $cases cases x $items item states; ${seconds}s per measurement; $rounds rounds"

# One SQLite data set: schema by NEW, the coordinator and its token, the generated cases.
export ANSLUT_DATA_DIR="$work/data"
"$new" migrate >/dev/null
echo "ett långt lösenord" | "$new" user create --email samordnare@bfr.example --role coordinator --platform BFR >/dev/null
token=$("$new" user token --email samordnare@bfr.example)
started=$(date +%s)
python3 Benchmarks/make_cases.py "$ANSLUT_DATA_DIR/anslut.sqlite" "$cases" "$items" > "$work/ids"
sync
sqlite_file="$ANSLUT_DATA_DIR/anslut.sqlite"
echo "sqlite data: $(sqlite3 "$sqlite_file" 'select count(*) from cases') cases," \
  "$(sqlite3 "$sqlite_file" 'select count(*) from case_items') item states ($(( $(date +%s) - started )) s)"

cat > "$work/load.lua" <<LUA
local ids = {}
for line in io.lines("$work/ids") do ids[#ids + 1] = line end
local mode = os.getenv("MODE")
request = function()
  local path = "/api/v1/cases?status=in_progress&limit=50"
  if mode == "show" then path = "/api/v1/cases/" .. ids[math.random(#ids)] end
  return wrk.format("GET", path, {["Authorization"] = "Bearer $token"})
end
LUA

start_server() {  # start_server BINARY
  "$1" serve --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "server $1 did not answer /healthz:"; tail -20 "$work/server.log"; exit 1
}
stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
wrk_run() {  # wrk_run MODE DURATION [--latency]
  if [ "$1" = healthz ]; then
    wrk -t2 -c32 -d"$2" ${3:-} "http://127.0.0.1:$port/healthz"
  else
    MODE=$1 wrk -t2 -c32 -d"$2" ${3:-} -s "$work/load.lua" "http://127.0.0.1:$port"
  fi
}
measure() {  # measure ENGINE ROUND LABEL MODE
  local out before after rps p99 requests non2xx
  wrk_run "$4" 3s >/dev/null   # warm-up, unmeasured: page faults, caches, connection pools
  before=$(cpu_ticks)
  out=$(wrk_run "$4" "${seconds}s" --latency)
  after=$(cpu_ticks)
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  echo "$1 $2 $3 $4 $rps $p99 $requests $(( after - before )) ${non2xx:-0}" >> "$results"
  printf '  %-8s round %s %-4s %-8s %10s req/s   p99 %9s   non-2xx %s\n' "$1" "$2" "$3" "$4" "$rps" "$p99" "${non2xx:-0}"
}
rounds_on() {  # rounds_on ENGINE
  for round in $(seq 1 "$rounds"); do
    for which in old new; do
      if [ $which = old ]; then start_server "$old"; else start_server "$new"; fi
      if [ "$round" = 1 ]; then  # the requests answer with data on this engine (status, bytes)
        echo "  $1 $which: list $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' -H "Authorization: Bearer $token" \
          "http://127.0.0.1:$port/api/v1/cases?status=in_progress&limit=50"), case $(curl -s -o /dev/null \
          -w '%{http_code} %{size_download}B' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/cases/$(head -1 "$work/ids")")"
      fi
      for mode in healthz list show; do measure "$1" "$round" $which $mode; done
      stop_server
    done
  done
}

echo "SQLite:"
rounds_on sqlite

if [ -z "${SKIP_POSTGRES:-}" ]; then
  # A throwaway PostgreSQL with the same rows (the recipe of /work/shared/notes/build-and-ci.md, port 55433).
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p /tmp/pg-bench
  pg_dir=$(mktemp -d /tmp/pg-bench/run.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/db" -U postgres -A trust >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/db" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" \
    -l "$pg_dir/log" -w start >/dev/null
  psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "create database anslut_bench"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/anslut_bench"
  export ANSLUT_DATA_DIR="$work/pg-data"
  started=$(date +%s)
  "$new" migrate >/dev/null
  python3 Benchmarks/sqlite_to_postgres.py "$sqlite_file" "$DATABASE_URL"
  echo "postgres data: $(psql -tA -h 127.0.0.1 -p "$pg_port" -U postgres anslut_bench -c 'select count(*) from cases') cases," \
    "$(psql -tA -h 127.0.0.1 -p "$pg_port" -U postgres anslut_bench -c 'select count(*) from case_items') item states" \
    "($(( $(date +%s) - started )) s)"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'):"
  rounds_on postgres
fi

python3 - "$results" "$(getconf CLK_TCK)" <<'PY'
import sys
from collections import defaultdict
path, hz = sys.argv[1], int(sys.argv[2])
def ms(text):
    for unit, factor in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * factor
    raise ValueError(text)
rows = defaultdict(dict)
for line in open(path):
    engine, rnd, which, mode, rps, p99, requests, ticks, non2xx = line.split()
    rows[(engine, mode, int(rnd))][which] = (float(rps), ms(p99), 1e6 * int(ticks) / hz / int(requests), int(non2xx))
names = {"healthz": "`GET /healthz`", "list": "list (`?status=in_progress&limit=50`)", "show": "`GET /api/v1/cases/{id}`"}
print()
print("| engine | request | round | old req/s | new req/s | new/old req/s | old p99 | new p99 | new/old p99 | old CPU/req | new CPU/req |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for engine in ("sqlite", "postgres"):
    for mode in ("healthz", "list", "show"):
        keys = sorted(k for k in rows if k[0] == engine and k[1] == mode)
        if not keys:
            continue
        sums = defaultdict(float)
        for key in keys:
            (orps, op99, ocpu, onon), (nrps, np99, ncpu, nnon) = rows[key]["old"], rows[key]["new"]
            flag = "" if onon == nnon == 0 else f" (non-2xx old {onon}, new {nnon})"
            print(f"| {engine} | {names[mode]} | {key[2]} | {orps:,.0f} | {nrps:,.0f} | {nrps / orps:.0%} | {op99:.1f} ms |"
                  f" {np99:.1f} ms | {np99 / op99:.0%} | {ocpu:.0f} µs | {ncpu:.0f} µs |{flag}")
            for name, value in (("orps", orps), ("nrps", nrps), ("op99", op99), ("np99", np99), ("ocpu", ocpu), ("ncpu", ncpu)):
                sums[name] += value / len(keys)
        s = sums
        print(f"| {engine} | {names[mode]} | mean | {s['orps']:,.0f} | {s['nrps']:,.0f} | **{s['nrps'] / s['orps']:.0%}** |"
              f" {s['op99']:.1f} ms | {s['np99']:.1f} ms | **{s['np99'] / s['op99']:.0%}** | {s['ocpu']:.0f} µs | {s['ncpu']:.0f} µs |")
print()
print("Issue 18: new/old req/s of list and show at least 90% (and p99 at most 110%) on each engine.")
PY
