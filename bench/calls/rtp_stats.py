#!/usr/bin/env python3
"""Per-stream RTP figures at the receiver from `tshark -T fields -e rtp.ssrc -e rtp.seq -e frame.time_epoch`:
inter-arrival |delta - 20 ms| percentiles over all packets, loss from sequence gaps, streams seen."""
import sys

streams = {}
for line in sys.stdin:
    parts = line.split()
    if len(parts) != 3:
        continue
    ssrc, seq, t = parts[0], int(parts[1]), float(parts[2])
    streams.setdefault(ssrc, []).append((seq, t))

deviations, expected, received = [], 0, 0
for packets in streams.values():
    packets.sort(key=lambda p: p[1])
    first, last = packets[0][0], packets[-1][0]
    span = (last - first) % 65536 + 1
    expected += span
    received += len(packets)
    for (s0, t0), (s1, t1) in zip(packets, packets[1:]):
        deviations.append(abs((t1 - t0) * 1000.0 - 20.0))

deviations.sort()
def pct(p):
    return deviations[min(len(deviations) - 1, int(p / 100.0 * len(deviations)))] if deviations else float("nan")
loss = 100.0 * (expected - received) / expected if expected else float("nan")
print("streams=%d packets=%d loss=%.3f%% interarrival_dev_p50=%.2fms p99=%.2fms max=%.2fms"
      % (len(streams), received, loss, pct(50), pct(99), deviations[-1] if deviations else float("nan")))
