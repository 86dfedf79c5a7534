#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis against the OpenAPI document the server serves, as an applicant and as
# a coordinator of a real `anslut demo` on 127.0.0.1 with a fresh data folder. Fails on any 5xx, any answer
# that breaks its documented schema or content type, and any status code the document does not list.
# Bounded: SCHEMATHESIS_SECONDS per role (default 60). Usage: Tests/API/schemathesis.sh [path/to/anslut]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/debug/anslut}
seconds=${SCHEMATHESIS_SECONDS:-60}

# 4.32 crashes on a multipart schema (SystemError: AST constructor recursion depth mismatch); 4.31.1 does not.
command -v schemathesis >/dev/null || pip install -q "schemathesis==4.31.1" >/dev/null

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ANSLUT_DATA_DIR="$work/data" ANSLUT_PROCESSES_DIR="$PWD/Processes" DATABASE_URL= LOG_LEVEL=error \
  "$binary" demo --port "$port" --mllp-port 0 >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$base/healthz" >/dev/null || { echo "the demo server did not start:"; cat "$work/server.log"; exit 1; }

token() {
  curl -sf -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"anslut-demo-2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
# Both tokens first: the fuzzing of the token endpoint fails sign-ins on purpose, which throttles 127.0.0.1.
applicant=$(token anna@vardgivare.example)
coordinator=$(token cora@vgregion.example)

status=0
for role in applicant coordinator; do
  echo "== schemathesis as the $role (${seconds}s)"
  schemathesis run "$base/api/openapi.json" --url "$base" -H "Authorization: Bearer ${!role}" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --max-time "$seconds" --workers 2 --seed 2026 --no-color \
    --report junit --report-junit-path "$work/$role.xml" || status=1
done
exit $status
