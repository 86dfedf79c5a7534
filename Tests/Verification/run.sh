#!/usr/bin/env bash
# The verification environment end to end: `anslut demo` with its MLLP listener, driven by python-hl7's mllp_send
# and by raw sockets killed mid-stream (SIGKILL). Usage: Tests/Verification/run.sh [anslut binary]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-.build/debug/anslut}")
command -v mllp_send >/dev/null || pip install -q hl7 2>/dev/null || pip install -q --break-system-packages hl7
python3 -c 'import pytest' 2>/dev/null || pip install -q pytest 2>/dev/null || pip install -q --break-system-packages pytest
ANSLUT_BINARY="$binary" ANSLUT_REPO="$PWD" python3 -m pytest -q -s -p no:cacheprovider Tests/Verification
