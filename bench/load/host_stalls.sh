#!/usr/bin/env bash
# How long this host freezes a running thread, per CPU (bench/load/host_stalls.c): run it on an idle machine
# before or between benchmark runs to see the floor under their jitter. Prints one line per CPU.
#
#   bench/load/host_stalls.sh [seconds=20]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_TO_RUN=${1:-20}
command -v gcc >/dev/null || { echo "gcc is missing (apt-get install gcc)" >&2; exit 1; }
BIN=$(mktemp -t host-stalls-XXXX)
trap 'rm -f "$BIN"' EXIT
gcc -O2 -Wall -o "$BIN" "$ROOT/bench/load/host_stalls.c"
for _ in $(seq "$(nproc)"); do "$BIN" "$SECONDS_TO_RUN" & done
wait
