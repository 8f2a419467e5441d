#!/usr/bin/env bash
# CI smoke level of the call benchmark: 100 calls held for 20 s against the packaged service. Fails (exit 1) on
# incorrect behaviour only: a failed call, a call without audio, loss beyond a generous bound, a key press
# the service did not answer with a new prompt, packets to an address no call named. Never on speed.
#   bench/load/smoke.sh [run.sh options]     (e.g. -j path/to/quarkus-run.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
LOSS_BOUND_PCT=${SMOKE_LOSS_BOUND_PCT:-5}
CALLS=100
out=$(BENCH_RAW=1 BENCH_NO_WARMUP=1 bench/load/run.sh -r 50 -m 20 "$@" level "$CALLS")
echo "$out"
line=$(echo "$out" | grep '^level ' || true)
raw=$(echo "$out" | grep '^summary ' || true)
[ -n "$raw" ] || { echo "smoke: FAILED, the benchmark printed no summary" >&2; exit 1; }
field() { echo "$raw" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2; exit}'; }
problems=""
[ "$(field placed)" = "$CALLS" ] || problems="$problems placed=$(field placed)"
[ "$(field failed)" = 0 ] || problems="$problems failed=$(field failed)($(field reasons))"
[ "$(field streams)" = "$CALLS" ] || problems="$problems calls-with-audio=$(field streams)/$CALLS"
awk -v l="$(field loss_pct)" -v s="$(field skipped_pct)" -v b="$LOSS_BOUND_PCT" 'BEGIN {exit !(l != "nan" && l + s < b)}' \
  || problems="$problems loss=$(field loss_pct)%+skipped=$(field skipped_pct)%>=${LOSS_BOUND_PCT}%"
[ "$(field dtmf_n)" -gt 0 ] 2>/dev/null || problems="$problems no-key-press-answered"
[ "$(field dtmf_missed)" = 0 ] || problems="$problems key-presses-unanswered=$(field dtmf_missed)"
[ "$(field rtp_rx_unknown)" = 0 ] || problems="$problems packets-to-unknown-addresses=$(field rtp_rx_unknown)"
if [ -n "$problems" ]; then
  echo "smoke: FAILED:$problems" >&2
  exit 1
fi
echo "smoke: OK, the calls behaved correctly (speed is not judged here): $line"
