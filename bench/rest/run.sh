#!/usr/bin/env bash
# REST benchmark: requests/s and latency percentiles of procedure search and dossier lookup, with the seeded data,
# against the packaged service on an embedded PostgreSQL of its own. Needs wrk (apt-get install wrk).
#   bench/rest/run.sh [duration=20s] [connections=32] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
THREADS=${3:-2}
PORT=${BENCH_PORT:-18080}
DATA=$(mktemp -d -t hotline-bench-XXXX)

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

java -Dquarkus.http.port="$PORT" -Dhotline.data-dir="$DATA" \
     -Dhotline.api.public-rate-per-second=1000000 -Dhotline.api.public-burst=1000000 \
     -Dhotline.sip.host=127.0.0.1 -Dhotline.sip.port=${BENCH_SIP_PORT:-35080} -Dquarkus.log.level=WARN \
     -jar target/quarkus-app/quarkus-run.jar > "$DATA/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { tail -50 "$DATA/service.log"; exit 1; }

# A dossier whose verifier we know, written through the staff API.
TOKEN=$(java tools/DevToken.java portal-sync)
LOOKUP_CODE="000.00.01.H31-261128-9001"
sed -e "s/CODE/$LOOKUP_CODE/" -e "s/VERIFIER/4321/" bench/rest/lookup.lua > "$DATA/lookup.lua"
curl -sf -X PUT "http://127.0.0.1:$PORT/api/v1/dossiers/$LOOKUP_CODE" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"procedureCode":"1.001193","applicantName":"Nguyễn Văn Bench","applicantPhone":"0912 000 4321",
       "status":"PROCESSING","receivedAt":"2026-11-20T08:00:00+07:00","dueAt":"2026-12-20T17:00:00+07:00"}' >/dev/null

curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/dossiers/lookup" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$LOOKUP_CODE\",\"verifier\":\"4321\"}" >/dev/null || { echo "lookup of the bench dossier failed" >&2; exit 1; }
grep -q "$LOOKUP_CODE" "$DATA/lookup.lua" || { echo "lookup.lua was not filled in" >&2; exit 1; }

report() {
  local name=$1 out=$2
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local errors
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr "\n" " " || true)
  printf '%-8s requests/s=%-10s p50=%-9s p99=%-9s connections=%s duration=%s %s\n' \
    "$name" "$rps" "$p50" "$p99" "$CONNECTIONS" "$DURATION" "$errors"
}

# Warm-up, then the measured runs.
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/rest/search.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$DATA/lookup.lua" "http://127.0.0.1:$PORT" >/dev/null
report search "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/rest/search.lua "http://127.0.0.1:$PORT")"
report lookup "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$DATA/lookup.lua" "http://127.0.0.1:$PORT")"
