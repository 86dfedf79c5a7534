#!/usr/bin/env bash
# The case API under load on SQLite: 100,000 cases with 5,000,000 item states, 32 concurrent clients (wrk,
# 127.0.0.1, release build), against the same server's /healthz in the same run. Prints p99 and requests/s.
#   Benchmarks/api_load.sh [CASES] [ITEMS_PER_CASE] [SECONDS]     (SCRATCH=.build-bench by default)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}
items=${2:-50}
seconds=${3:-15}
scratch=${SCRATCH:-.build-bench}
port=18099
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }

swift build -c release --product anslut --scratch-path "$scratch" >/dev/null
anslut="$PWD/$scratch/release/anslut"
work=$(mktemp -d)
export ANSLUT_DATA_DIR="$work/data" ANSLUT_PROCESSES_DIR="$PWD/Processes" LOG_LEVEL=error
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

"$anslut" migrate >/dev/null
echo "ett långt lösenord" | "$anslut" user create --email samordnare@bfr.example --role coordinator --platform BFR >/dev/null
token=$("$anslut" user token --email samordnare@bfr.example)
python3 Benchmarks/make_cases.py "$ANSLUT_DATA_DIR/anslut.sqlite" "$cases" "$items" > "$work/ids"
# The generator writes 1.6 GB without syncing; flushed now, the kernel's writeback does not run into the
# measurements (it lengthened the last run's tail, whichever request that was).
sync
echo "data: $(sqlite3 "$ANSLUT_DATA_DIR/anslut.sqlite" 'select count(*) from cases') cases," \
  "$(sqlite3 "$ANSLUT_DATA_DIR/anslut.sqlite" 'select count(*) from case_items') item states"

"$anslut" serve --port $port >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

# Requests for cases of the coordinator's platform, chosen at random from the generated in_progress ones.
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
run() {  # run LABEL MODE PATH-OR-SCRIPT
  local out
  # 3 s of the same load first, unmeasured: the first requests after start fault in pages and fill caches.
  if [ "$2" = healthz ]; then
    wrk -t2 -c32 -d3s "http://127.0.0.1:$port/healthz" >/dev/null
  else
    MODE=$2 wrk -t2 -c32 -d3s -s "$work/load.lua" "http://127.0.0.1:$port" >/dev/null
  fi
  if [ "$2" = healthz ]; then
    out=$(wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$port/healthz")
  else
    out=$(MODE=$2 wrk -t2 -c32 -d"${seconds}s" --latency -s "$work/load.lua" "http://127.0.0.1:$port")
  fi
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  printf '%-48s %10s req/s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p99" "${non2xx:-0}"
  echo "$rps" > "$work/rps-$2"
}
run "GET /healthz" healthz
run "GET /api/v1/cases?status=in_progress&limit=50" list
run "GET /api/v1/cases/{id}" show
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
health = float(open(f"{w}/rps-healthz").read())
for mode in ("list", "show"):
    rps = float(open(f"{w}/rps-{mode}").read())
    print(f"{mode}: {rps / health:.0%} of /healthz throughput (target: at least 30%)")
PY
