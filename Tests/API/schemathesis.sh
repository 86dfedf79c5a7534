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
  "$binary" demo --port "$port" --mllp-port 0 --dicom-port 0 >"$work/server.log" 2>&1 &
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

# Python 3.11.7's ast module now and then fails inside Hypothesis as schemathesis describes one of its own lambdas
# ("AST constructor recursion depth mismatch", a Runtime Error of the tool, on whichever operation it was
# generating for). Such a run counts as passed when that is its only error and no check failed.
tool_internal_only() {
  python3 - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
failures = root.findall(".//failure")
errors = root.findall(".//error")
marker = "AST constructor recursion depth mismatch"
tolerated = [e for e in errors if marker in (e.get("message", "") + (e.text or ""))]
if failures or not errors or len(tolerated) != len(errors):
    sys.exit(1)
for error in tolerated:
    print("warning: schemathesis's own generator failed (Python ast bug), not the server:", error.get("message", "")[:120])
PY
}

status=0
for role in applicant coordinator; do
  echo "== schemathesis as the $role (${seconds}s)"
  schemathesis run "$base/api/openapi.json" --url "$base" -H "Authorization: Bearer ${!role}" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --max-time "$seconds" --workers 2 --seed 2026 --no-color \
    --report junit --report-junit-path "$work/$role.xml" || tool_internal_only "$work/$role.xml" || status=1
done
exit $status
