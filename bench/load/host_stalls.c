/*
 * How long this host freezes a running thread: one process per CPU reads CLOCK_MONOTONIC in a tight loop for
 * the given seconds and reports the largest gap between two reads and how many gaps passed 1, 5 and 20 ms.
 * On an idle machine every gap is a moment the CPU was taken away (hypervisor, kernel threads, interrupts):
 * the floor under any jitter figure measured on the same host. See bench/load/README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 20;
    if (seconds <= 0 || seconds > 3600) {
        fprintf(stderr, "usage: host_stalls [seconds 1..3600]\n");
        return 2;
    }
    long long end = now_ns() + (long long)(seconds * 1e9);
    long long prev = now_ns(), max = 0, over1 = 0, over5 = 0, over20 = 0;
    for (;;) {
        long long t = now_ns();
        long long gap = t - prev;
        prev = t;
        if (gap > max) max = gap;
        if (gap > 1000000) over1++;
        if (gap > 5000000) over5++;
        if (gap > 20000000) over20++;
        if (t > end) break;
    }
    printf("host_stalls seconds=%.0f max_gap_ms=%.2f gaps_over_1ms=%lld over_5ms=%lld over_20ms=%lld\n",
           seconds, max / 1e6, over1, over5, over20);
    return 0;
}
