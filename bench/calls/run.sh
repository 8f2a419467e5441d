#!/usr/bin/env bash
# Call benchmark: N simultaneous calls placed by SIPp against the packaged service, each held for H seconds while
# the service plays the menu over RTP. Prints call setup time (p50/p99, from SIPp's response-time trace), RTP at the
# receiver (inter-arrival deviation from 20 ms and loss, from a tshark capture on loopback, not the service's own
# counters), and the service's CPU and heap.
#   bench/calls/run.sh [calls=100] [hold_seconds=20] [calls_per_second=20]
# Needs sip-tester (SIPp), tshark and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
CALLS=${1:-100}
HOLD=${2:-20}
RATE=${3:-20}
SIP_PORT=${BENCH_SIP_PORT:-35060}
HTTP_PORT=${BENCH_HTTP_PORT:-18090}
WORK=$(mktemp -d -t hotline-calls-XXXX)
for tool in sipp tshark python3; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install sip-tester tshark python3)" >&2; exit 1; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

java -Dquarkus.http.port="$HTTP_PORT" -Dhotline.data-dir="$WORK/data" \
     -Dhotline.sip.host=127.0.0.1 -Dhotline.sip.port="$SIP_PORT" -Dhotline.rtp.port-min=30000 \
     -Dhotline.rtp.port-max=39998 -Dhotline.rtp.inactivity-timeout=10m -Dquarkus.log.level=WARN \
     -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null && break
  sleep 1
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE/stat"; }
HZ=$(getconf CLK_TCK)

tshark -q -i lo -f "udp and src portrange 30000-39998 and dst port 46000" -w "$WORK/rtp.pcap" \
  > "$WORK/tshark.log" 2>&1 &
CAPTURE=$!
sleep 2
start_ticks=$(cpu_ticks)
start_time=$(date +%s.%N)
sipp -sf bench/calls/uac_hold.xml -d "$((HOLD * 1000))" -r "$RATE" -l "$CALLS" -m "$CALLS" \
     -i 127.0.0.1 -mi 127.0.0.1 -mp 46000 -p 46100 -trace_rtt -rtt_freq 1 -nostdin \
     -timeout "$((HOLD + CALLS / RATE + 60))s" -timeout_error 127.0.0.1:"$SIP_PORT" \
     > "$WORK/sipp.log" 2>&1 || { echo "SIPp reported failed calls:"; tail -30 "$WORK/sipp.log"; }
end_time=$(date +%s.%N)
end_ticks=$(cpu_ticks)
kill $CAPTURE; wait $CAPTURE 2>/dev/null || true
HEAP=$(jcmd $SERVICE GC.heap_info 2>/dev/null | awk '/used/ {print; exit}' || true)

rtt=$(ls uac_hold_*_rtt.csv 2>/dev/null | head -1 || true)
setup="setup: no trace"
if [ -n "$rtt" ]; then
  setup=$(awk -F';' 'NR>1 && $3=="setup" {print $2}' "$rtt" | sort -n | awk '
    {a[NR]=$1}
    END {
      if (NR == 0) { print "setup: none"; exit }
      i50 = int(NR * 0.50) + 1; if (i50 > NR) i50 = NR
      i99 = int(NR * 0.99) + 1; if (i99 > NR) i99 = NR
      printf "setup_p50=%.1fms setup_p99=%.1fms calls_measured=%d", a[i50], a[i99], NR
    }')
  mv uac_hold_*_rtt.csv "$WORK/" 2>/dev/null || true
fi
failed=$(grep -E "Failed call" "$WORK/sipp.log" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}' || true)
rtp=$(tshark -r "$WORK/rtp.pcap" -d udp.port==46000,rtp -T fields -e rtp.ssrc -e rtp.seq -e frame.time_epoch \
      2>/dev/null | python3 bench/calls/rtp_stats.py)
cpu=$(awk -v t="$((end_ticks - start_ticks))" -v hz="$HZ" -v s="$start_time" -v e="$end_time" \
      'BEGIN {printf "%.3f", t / hz / (e - s)}')
echo "calls=$CALLS hold=${HOLD}s rate=${RATE}/s failed=${failed:-?} $setup $rtp service_cpu_cores=$cpu heap: ${HEAP:-n/a}"
