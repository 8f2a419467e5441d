/*
 * hotline-load: a SIP/RTP load generator for the dvc-hotline call benchmark (issue 5).
 *
 * Places calls over SIP/UDP (INVITE with PCMU + telephone-event 101, ACK, hold the call, BYE; RFC 3261
 * timers A/B and E/F for retransmission), and for every answered call sends caller audio (PCMU, 160-byte
 * payload, 20 ms) FROM the address its SDP named, and receives the service's RTP. Measured here, at the
 * receiver, with kernel receive timestamps (SO_TIMESTAMPNS): per stream loss (RFC 3550 sequence gaps),
 * frames the sender skipped (timestamp jumps), |inter-arrival - 20 ms|, DTMF latency (an RFC 4733 key
 * press until the first packet of the next prompt, which the service marks with the RTP marker bit),
 * setup time (first INVITE -> 200) and failed calls by reason.
 *
 * Socket layout: a few RTP sockets bound to 0.0.0.0:<port>, <port>+1, ...; every caller endpoint is a
 * distinct loopback address 127.1.x.y on one of them. Packets are sent in sendmmsg batches whose IP_PKTINFO
 * names each packet's source address, and received in recvmmsg batches whose IP_PKTINFO tells the address
 * they were sent to, so the service sees one caller address per endpoint while this process makes few
 * system calls. With -k K, K calls share one endpoint (same address and port, distinct SSRCs).
 *
 * Single-threaded: one epoll loop woken every millisecond by a timerfd (and by SIP). Each tick drains the RTP
 * sockets and visits the calls of its slot: each call once per 20 ms, which paces its RTP and drives its SIP
 * timers.
 *
 * Output: "phase=held" when the measured window starts, "phase=measured" when it ends (the runner samples
 * the service's heap then and answers with SIGUSR1, or the tail times out), and one "summary ..." line.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_MS 1000000LL
#define NS_PER_S 1000000000LL
#define FRAME_NS (20 * NS_PER_MS)
#define SLOTS 20
#define RTP_LEN 172
#define BATCH 256
#define MAX_SOCKS 64
#define T1_NS (500 * NS_PER_MS)
#define T2_NS (4000 * NS_PER_MS)
#define TIMER_B_NS (64 * T1_NS)
#define DTMF_PT 101
#define DTMF_EVENT_PACKETS 5 /* 100 ms of key press, then 3 end packets */
#define DTMF_END_PACKETS 3
#define DTMF_GIVE_UP_NS (2 * NS_PER_S)

/* ---- options -------------------------------------------------------------------------------------- */
static struct {
    char sip_host[64];
    int sip_port;
    int local_sip_port;
    int rtp_port;
    int sockets;
    int share;          /* calls per endpoint (address:port) */
    long calls;         /* calls to place in all */
    long concurrent;    /* at most this many up at once (churn) */
    double rate;        /* new calls per second */
    double hold_s;      /* churn: seconds from answer to BYE; <0: level mode (held until teardown) */
    double warmup_s;    /* level: after the last call settled; churn: after the start */
    double measure_s;   /* the measured window */
    double tail_s;      /* level: calls stay up this long after the window, unless SIGUSR1 comes first */
    double dtmf_first_s;
    double dtmf_period_s;
    const char *keys;   /* the keys pressed in turn by every call: on the seed menu `1` opens the procedures
                         * service and `*` goes back to the main menu, each starting a known prompt */
    int service_pid;
    int prompt_refs;                 /* first frames of the prompts a key press may start (-A) */
    uint8_t prompt_ref[8][160];
} opt = {
    .sip_host = "127.0.0.1", .sip_port = 35060, .local_sip_port = 46100, .rtp_port = 46200, .sockets = 4,
    .share = 1, .calls = 100, .concurrent = 0, .rate = 100, .hold_s = -1, .warmup_s = 3, .measure_s = 20,
    .tail_s = 30, .dtmf_first_s = 2, .dtmf_period_s = 5, .keys = "1*", .service_pid = 0,
};

/* ---- histogram ------------------------------------------------------------------------------------ */
typedef struct {
    uint32_t *bins;
    int nbins;
    int64_t width_ns;
    uint64_t count;
    int64_t max_ns;
} hist_t;

static void hist_init(hist_t *h, int64_t width_ns, int nbins) {
    h->bins = calloc((size_t)nbins, sizeof(uint32_t));
    h->nbins = nbins;
    h->width_ns = width_ns;
    h->count = 0;
    h->max_ns = 0;
}

static void hist_add(hist_t *h, int64_t v) {
    if (v < 0) v = 0;
    int64_t b = v / h->width_ns;
    if (b >= h->nbins) b = h->nbins - 1;
    h->bins[b]++;
    h->count++;
    if (v > h->max_ns) h->max_ns = v;
}

/* Upper edge of the bin holding quantile q, in ms; the max if that is smaller. */
static double hist_q_ms(const hist_t *h, double q) {
    if (h->count == 0) return NAN;
    uint64_t rank = (uint64_t)ceil(q * (double)h->count);
    if (rank < 1) rank = 1;
    uint64_t seen = 0;
    for (int i = 0; i < h->nbins; i++) {
        seen += h->bins[i];
        if (seen >= rank) {
            int64_t edge = (int64_t)(i + 1) * h->width_ns;
            if (edge > h->max_ns) edge = h->max_ns;
            return (double)edge / NS_PER_MS;
        }
    }
    return (double)h->max_ns / NS_PER_MS;
}

/* ---- calls ---------------------------------------------------------------------------------------- */
enum call_state { C_FREE, C_INVITING, C_PROCEEDING, C_UP, C_BYEING, C_DONE };

enum fail_reason { F_NONE, F_INVITE_TIMEOUT, F_BYE_TIMEOUT, F_SERVICE_BYE, F_BAD_SDP, F_STATUS, F_BYE_STATUS,
    F_NO_AUDIO, F_COUNT };
static const char *FAIL_NAMES[F_COUNT] = {"none", "invite-timeout", "bye-timeout", "service-bye", "bad-sdp",
    "status", "bye-status", "no-audio"};

typedef struct {
    int state;
    uint32_t gen;        /* generation of this slot's call, in the Call-ID */
    int endpoint;
    struct sockaddr_in remote_rtp;
    char to_tag[64];
    int64_t invite_ns;       /* first INVITE sent */
    int64_t answered_ns;
    int64_t bye_at_ns;       /* when to send BYE */
    int64_t retx_at_ns;      /* next retransmission */
    int64_t retx_interval_ns;
    int64_t tx_deadline_ns;  /* timer B / F */
    uint16_t seq;
    uint32_t ts, ssrc;
    int64_t next_press_ns;
    int dtmf_left;           /* packets of the current event still to send */
    uint8_t dtmf_event;      /* RFC 4733 event code of the current press */
    uint32_t presses;        /* key presses so far, choosing the next key */
    uint32_t dtmf_ts;
    uint16_t dtmf_duration;
    uint64_t rx_base;        /* packets received on the endpoint before this call (no-audio check, -k 1) */
} call_t;

typedef struct {
    uint32_t ip;         /* host order */
    int sock;
    int64_t pending_press_ns; /* 0 when none */
    uint64_t received;
} endpoint_t;

/* ---- streams (the service's RTP as received), keyed by endpoint and SSRC -------------------------- */
typedef struct {
    uint32_t ssrc;
    int32_t endpoint;    /* -1: empty */
    uint16_t max_seq;
    uint32_t cycles;
    int64_t last_ext;
    uint32_t last_ts;
    int64_t last_arrival;
    int64_t win_first_ext, win_max_ext;
    uint64_t win_received;
    uint64_t win_skipped;
    int in_window;
} stream_t;

static stream_t *streams;
static uint64_t stream_mask;
static uint64_t stream_count;

/* ---- global state --------------------------------------------------------------------------------- */
static call_t *calls;
static long slots_n;           /* call slots (max concurrent) */
static endpoint_t *endpoints;
static long endpoints_n;
static int rtp_fd[MAX_SOCKS];
static int sip_fd, epfd, tfd;
static struct sockaddr_in sip_dst;
static uint32_t run_id;
static long placed, settled_first, failed_calls, completed_calls;
static long fails[F_COUNT];
static long status_fails[700];
static hist_t h_setup, h_jitter, h_dtmf;
static uint64_t dtmf_presses, dtmf_answered, dtmf_missed, dtmf_late_unclaimed, dtmf_other_markers;
static int64_t start_ns, last_placed_ns, window_start_ns, window_end_ns, teardown_ns;
/* Where the jitter tail is in time: samples of |gap - 20 ms| >= 5 ms per 100 ms of the window. A tail made of a
 * few bursts (a GC pause, a stalled loop) looks different from one spread over the whole window. */
#define TAIL_NS (5 * NS_PER_MS)
#define TAIL_BUCKET_NS (100 * NS_PER_MS)
#define TAIL_BUCKETS 36000
static uint32_t *tail_buckets;
static struct timespec window_start_wall;
static int window_state; /* 0 before, 1 open, 2 closed */
static volatile sig_atomic_t heap_sampled, interrupted;
static double gen_cpu_start, gen_cpu_end, gen_sys_start, gen_sys_end;
static long svc_ticks_start, svc_ticks_end;
static uint64_t sip_retransmissions, sip_rx, rtp_sent, rtp_rx_total, rtp_rx_unknown, rtp_send_errors;
static uint64_t retry_after_seen;
static int64_t gen_lag_max_ms;      /* in the window: the longest our own loop fell behind its 1 ms tick */
/* What the machine did in each 100 ms bucket of the window, to tell a tail made by the service from one made by the
 * box: the host's steal time over all CPUs (/proc/stat, in 10 ms ticks), CPU pressure (/proc/pressure/cpu "some":
 * time during which a runnable task waited for a CPU) and the longest lag of our own loop (nice -5). */
typedef struct { uint32_t steal_ms, psi_some_us, gen_lag_ms; } box_bucket_t;
static box_bucket_t *box_buckets;
static int64_t box_bucket_open = -1;
static long long box_steal_ticks_at, box_psi_us_at;
static uint64_t gen_lagged_ticks;   /* in the window: passes that were 5 ms or more behind */

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (int64_t)t.tv_sec * NS_PER_S + t.tv_nsec;
}

static double cpu_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / NS_PER_S;
}

static double sys_cpu_s(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec / 1e6;
}

static long service_ticks(void) {
    if (opt.service_pid <= 0) return -1;
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", opt.service_pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    if (!p) return -1;
    long utime = 0, stime = 0;
    /* after ")": state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld %ld", &utime, &stime) != 2) return -1;
    return utime + stime;
}

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hotline-load: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

/* ---- SIP ------------------------------------------------------------------------------------------ */
static void sip_send(const char *msg, int len) {
    if (sendto(sip_fd, msg, (size_t)len, 0, (struct sockaddr *)&sip_dst, sizeof sip_dst) < 0 && errno != EAGAIN)
        perror("sip sendto");
}

static void endpoint_addr(int e, char *out, size_t n) {
    struct in_addr a = {htonl(endpoints[e].ip)};
    inet_ntop(AF_INET, &a, out, (socklen_t)n);
}

static int endpoint_port(int e) { return opt.rtp_port + endpoints[e].sock; }

static void send_invite(long slot) {
    call_t *c = &calls[slot];
    char ip[32], msg[1400], sdp[400];
    endpoint_addr(c->endpoint, ip, sizeof ip);
    int sdplen = snprintf(sdp, sizeof sdp,
        "v=0\r\no=load %u 1 IN IP4 %s\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\nm=audio %d RTP/AVP 0 101\r\n"
        "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n"
        "a=sendrecv\r\n", c->ssrc, ip, ip, endpoint_port(c->endpoint));
    int len = snprintf(msg, sizeof msg,
        "INVITE sip:1900@%s:%d SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-%x-%ld-%u-i;rport\r\n"
        "From: <sip:09%08ld@127.0.0.1>;tag=f%x-%ld-%u\r\n"
        "To: <sip:1900@%s:%d>\r\n"
        "Call-ID: L%ld-%u-%x@127.0.0.1\r\n"
        "CSeq: 1 INVITE\r\n"
        "Contact: <sip:load@127.0.0.1:%d>\r\n"
        "Max-Forwards: 70\r\n"
        "User-Agent: hotline-load\r\n"
        "Content-Type: application/sdp\r\n"
        "Content-Length: %d\r\n\r\n%s",
        opt.sip_host, opt.sip_port, opt.local_sip_port, run_id, slot, c->gen, slot % 100000000L, run_id, slot,
        c->gen, opt.sip_host, opt.sip_port, slot, c->gen, run_id, opt.local_sip_port, sdplen, sdp);
    sip_send(msg, len);
}

/* ACK: for a 2xx a new transaction (branch "a"); for a failure the INVITE's branch. */
static void send_ack(long slot, int for_2xx) {
    call_t *c = &calls[slot];
    char msg[900];
    int len = snprintf(msg, sizeof msg,
        "ACK sip:1900@%s:%d SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-%x-%ld-%u-%s;rport\r\n"
        "From: <sip:09%08ld@127.0.0.1>;tag=f%x-%ld-%u\r\n"
        "To: <sip:1900@%s:%d>;tag=%s\r\n"
        "Call-ID: L%ld-%u-%x@127.0.0.1\r\n"
        "CSeq: 1 ACK\r\n"
        "Max-Forwards: 70\r\n"
        "Content-Length: 0\r\n\r\n",
        opt.sip_host, opt.sip_port, opt.local_sip_port, run_id, slot, c->gen, for_2xx ? "a" : "i",
        slot % 100000000L, run_id, slot, c->gen, opt.sip_host, opt.sip_port, c->to_tag, slot, c->gen, run_id);
    sip_send(msg, len);
}

static void send_bye(long slot) {
    call_t *c = &calls[slot];
    char msg[900];
    int len = snprintf(msg, sizeof msg,
        "BYE sip:1900@%s:%d SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bK-%x-%ld-%u-b;rport\r\n"
        "From: <sip:09%08ld@127.0.0.1>;tag=f%x-%ld-%u\r\n"
        "To: <sip:1900@%s:%d>;tag=%s\r\n"
        "Call-ID: L%ld-%u-%x@127.0.0.1\r\n"
        "CSeq: 2 BYE\r\n"
        "Max-Forwards: 70\r\n"
        "Content-Length: 0\r\n\r\n",
        opt.sip_host, opt.sip_port, opt.local_sip_port, run_id, slot, c->gen, slot % 100000000L, run_id, slot,
        c->gen, opt.sip_host, opt.sip_port, c->to_tag, slot, c->gen, run_id);
    sip_send(msg, len);
}

/* Finds header `name` (or its compact form) at a line start; copies its value. */
static int header(const char *msg, const char *end, const char *name, const char *compact, char *out, size_t n) {
    size_t nl = strlen(name), cl = compact ? strlen(compact) : 0;
    const char *p = msg;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (eol - p <= 2) break; /* blank line: end of headers */
        const char *v = NULL;
        if ((size_t)(eol - p) > nl && strncasecmp(p, name, nl) == 0 && (p[nl] == ':' || p[nl] == ' '))
            v = p + nl;
        else if (compact && (size_t)(eol - p) > cl && strncasecmp(p, compact, cl) == 0 && (p[cl] == ':' || p[cl] == ' '))
            v = p + cl;
        if (v) {
            while (v < eol && (*v == ':' || *v == ' ' || *v == '\t')) v++;
            const char *e = eol;
            while (e > v && (e[-1] == '\r' || e[-1] == ' ')) e--;
            size_t len = (size_t)(e - v);
            if (len >= n) len = n - 1;
            memcpy(out, v, len);
            out[len] = 0;
            return 1;
        }
        p = eol + 1;
    }
    return 0;
}

static void call_failed(long slot, int reason, int status) {
    call_t *c = &calls[slot];
    if (c->state == C_INVITING || c->state == C_PROCEEDING) settled_first++;
    fails[reason]++;
    if (reason == F_STATUS || reason == F_BYE_STATUS) {
        if (status >= 0 && status < 700) status_fails[status]++;
    }
    failed_calls++;
    c->state = C_DONE;
}

static void call_completed(long slot) {
    call_t *c = &calls[slot];
    completed_calls++;
    c->state = C_DONE;
}

static void respond(const char *req, const char *end, int status, const char *reason) {
    char via[400] = "", from[300] = "", to[300] = "", cid[200] = "", cseq[100] = "", msg[1600];
    header(req, end, "Via", "v", via, sizeof via);
    header(req, end, "From", "f", from, sizeof from);
    header(req, end, "To", "t", to, sizeof to);
    header(req, end, "Call-ID", "i", cid, sizeof cid);
    header(req, end, "CSeq", NULL, cseq, sizeof cseq);
    int len = snprintf(msg, sizeof msg, "SIP/2.0 %d %s\r\nVia: %s\r\nFrom: %s\r\nTo: %s\r\nCall-ID: %s\r\n"
                       "CSeq: %s\r\nContent-Length: 0\r\n\r\n", status, reason, via, from, to, cid, cseq);
    sip_send(msg, len);
}

static int parse_call_id(const char *cid, long *slot, uint32_t *gen) {
    unsigned int g, rid;
    long s;
    if (sscanf(cid, "L%ld-%u-%x@", &s, &g, &rid) != 3 || rid != run_id || s < 0 || s >= slots_n) return 0;
    *slot = s;
    *gen = g;
    return 1;
}

static int parse_sdp(const char *body, const char *end, struct sockaddr_in *out) {
    char ip[64] = "";
    int port = 0;
    const char *p = body;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (strncmp(p, "c=IN IP4 ", 9) == 0) sscanf(p + 9, "%63[0-9.]", ip);
        if (strncmp(p, "m=audio ", 8) == 0) sscanf(p + 8, "%d", &port);
        p = eol + 1;
    }
    memset(out, 0, sizeof *out);
    out->sin_family = AF_INET;
    out->sin_port = htons((uint16_t)port);
    if (port <= 0 || port > 65535 || inet_pton(AF_INET, ip, &out->sin_addr) != 1) return 0;
    if (out->sin_addr.s_addr == htonl(INADDR_ANY)) out->sin_addr = sip_dst.sin_addr;
    return 1;
}

static void on_sip(char *msg, int len, int64_t t) {
    const char *end = msg + len;
    msg[len] = 0;
    sip_rx++;
    char cid[200];
    if (!header(msg, end, "Call-ID", "i", cid, sizeof cid)) return;
    long slot;
    uint32_t gen;
    int known = parse_call_id(cid, &slot, &gen) && calls[slot].gen == gen;
    if (strncmp(msg, "SIP/2.0 ", 8) != 0) {
        /* A request from the service. */
        if (strncmp(msg, "BYE ", 4) == 0) {
            respond(msg, end, 200, "OK");
            if (known && (calls[slot].state == C_UP || calls[slot].state == C_PROCEEDING)) {
                call_failed(slot, F_SERVICE_BYE, 0);
                endpoints[calls[slot].endpoint].pending_press_ns = 0;
            }
        } else if (strncmp(msg, "ACK ", 4) != 0) {
            respond(msg, end, strncmp(msg, "OPTIONS ", 8) == 0 ? 200 : 501,
                    strncmp(msg, "OPTIONS ", 8) == 0 ? "OK" : "Not Implemented");
        }
        return;
    }
    if (!known) return;
    int status = atoi(msg + 8);
    char cseq[100] = "";
    header(msg, end, "CSeq", NULL, cseq, sizeof cseq);
    int is_invite = strstr(cseq, "INVITE") != NULL;
    int is_bye = strstr(cseq, "BYE") != NULL;
    call_t *c = &calls[slot];
    if (is_invite) {
        if (status < 200) {
            if (c->state == C_INVITING) {
                c->state = C_PROCEEDING; /* timer A stops on a provisional response (UDP) */
                c->retx_at_ns = 0;
            }
            return;
        }
        char to[300] = "";
        header(msg, end, "To", "t", to, sizeof to);
        char *tag = strstr(to, "tag=");
        if (tag) {
            size_t n = strcspn(tag + 4, ";> \r\n");
            if (n >= sizeof c->to_tag) n = sizeof c->to_tag - 1;
            memcpy(c->to_tag, tag + 4, n);
            c->to_tag[n] = 0;
        }
        if (status < 300) {
            if (c->state == C_INVITING || c->state == C_PROCEEDING) {
                const char *body = strstr(msg, "\r\n\r\n");
                send_ack(slot, 1);
                if (!body || !parse_sdp(body + 4, end, &c->remote_rtp)) {
                    call_failed(slot, F_BAD_SDP, 0);
                    send_bye(slot); /* not retransmitted: the call is already counted as failed */
                    return;
                }
                hist_add(&h_setup, t - c->invite_ns);
                c->state = C_UP;
                c->answered_ns = t;
                c->retx_at_ns = 0;
                c->bye_at_ns = opt.hold_s >= 0 ? t + (int64_t)(opt.hold_s * NS_PER_S) : INT64_MAX;
                c->next_press_ns = t + (int64_t)(opt.dtmf_first_s * NS_PER_S);
                settled_first++;
            } else {
                send_ack(slot, 1); /* a retransmitted 200: our ACK was lost */
                if (c->state == C_DONE && c->answered_ns == 0) send_bye(slot); /* answered after we gave up */
            }
            return;
        }
        /* A final failure: ACK it (same transaction) and count it. */
        send_ack(slot, 0);
        if (c->state == C_INVITING || c->state == C_PROCEEDING) {
            char ra[50];
            if (status == 503 && header(msg, end, "Retry-After", NULL, ra, sizeof ra)) retry_after_seen++;
            call_failed(slot, F_STATUS, status);
        }
        return;
    }
    if (is_bye && c->state == C_BYEING) {
        if (status < 200) {
            c->retx_interval_ns = T2_NS; /* timer E goes to T2 once a provisional response came */
            return;
        }
        if (status < 300) {
            if (opt.share == 1 && endpoints[c->endpoint].received == c->rx_base) call_failed(slot, F_NO_AUDIO, 0);
            else call_completed(slot);
        } else {
            call_failed(slot, F_BYE_STATUS, status);
        }
    }
}

/* ---- RTP ------------------------------------------------------------------------------------------ */
typedef struct {
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    struct sockaddr_in dst[BATCH];
    uint8_t pkt[BATCH][RTP_LEN];
    char ctl[BATCH][CMSG_SPACE(sizeof(struct in_pktinfo))];
    int n;
} send_batch_t;

static send_batch_t *send_batches;

static void flush_batch(int s) {
    send_batch_t *b = &send_batches[s];
    int off = 0;
    while (off < b->n) {
        int r = sendmmsg(rtp_fd[s], b->msgs + off, (unsigned)(b->n - off), 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            rtp_send_errors += (uint64_t)(b->n - off); /* EAGAIN: the socket buffer is full */
            break;
        }
        rtp_sent += (uint64_t)r;
        off += r;
    }
    b->n = 0;
}

static void queue_frame(long slot) {
    call_t *c = &calls[slot];
    endpoint_t *e = &endpoints[c->endpoint];
    send_batch_t *b = &send_batches[e->sock];
    int i = b->n;
    uint8_t *p = b->pkt[i];
    int len;
    if (c->dtmf_left > 0) {
        /* RFC 4733: marker on the first packet of the event, fixed timestamp, growing duration, E bit on the
         * last three (same duration). */
        int index = DTMF_EVENT_PACKETS + DTMF_END_PACKETS - c->dtmf_left;
        int end_bit = index >= DTMF_EVENT_PACKETS;
        if (!end_bit) c->dtmf_duration = (uint16_t)(160 * (index + 1));
        p[0] = 0x80;
        p[1] = (uint8_t)((index == 0 ? 0x80 : 0) | DTMF_PT);
        p[4] = (uint8_t)(c->dtmf_ts >> 24); p[5] = (uint8_t)(c->dtmf_ts >> 16);
        p[6] = (uint8_t)(c->dtmf_ts >> 8); p[7] = (uint8_t)c->dtmf_ts;
        p[12] = c->dtmf_event;
        p[13] = (uint8_t)((end_bit ? 0x80 : 0) | 10);
        p[14] = (uint8_t)(c->dtmf_duration >> 8);
        p[15] = (uint8_t)c->dtmf_duration;
        len = 16;
        c->dtmf_left--;
    } else {
        p[0] = 0x80;
        p[1] = 0; /* PCMU */
        p[4] = (uint8_t)(c->ts >> 24); p[5] = (uint8_t)(c->ts >> 16);
        p[6] = (uint8_t)(c->ts >> 8); p[7] = (uint8_t)c->ts;
        memset(p + 12, 0xFF, 160); /* PCMU silence */
        len = RTP_LEN;
    }
    p[2] = (uint8_t)(c->seq >> 8); p[3] = (uint8_t)c->seq;
    p[8] = (uint8_t)(c->ssrc >> 24); p[9] = (uint8_t)(c->ssrc >> 16);
    p[10] = (uint8_t)(c->ssrc >> 8); p[11] = (uint8_t)c->ssrc;
    c->seq++;
    c->ts += 160;

    b->iov[i].iov_base = p;
    b->iov[i].iov_len = (size_t)len;
    b->dst[i] = c->remote_rtp;
    struct msghdr *m = &b->msgs[i].msg_hdr;
    m->msg_name = &b->dst[i];
    m->msg_namelen = sizeof b->dst[i];
    m->msg_iov = &b->iov[i];
    m->msg_iovlen = 1;
    m->msg_control = b->ctl[i];
    m->msg_controllen = sizeof b->ctl[i];
    m->msg_flags = 0;
    struct cmsghdr *cm = CMSG_FIRSTHDR(m);
    cm->cmsg_level = IPPROTO_IP;
    cm->cmsg_type = IP_PKTINFO;
    cm->cmsg_len = CMSG_LEN(sizeof(struct in_pktinfo));
    struct in_pktinfo *pi = (struct in_pktinfo *)CMSG_DATA(cm);
    memset(pi, 0, sizeof *pi);
    pi->ipi_spec_dst.s_addr = htonl(e->ip); /* the source address this packet leaves from */
    b->n++;
    if (b->n == BATCH) flush_batch(e->sock);
}

static stream_t *stream_for(int endpoint, uint32_t ssrc) {
    uint64_t h = ((uint64_t)ssrc * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)endpoint * 0xC2B2AE3D27D4EB4FULL);
    for (uint64_t i = h & stream_mask;; i = (i + 1) & stream_mask) {
        stream_t *s = &streams[i];
        if (s->endpoint == endpoint && s->ssrc == ssrc) return s;
        if (s->endpoint < 0) {
            if (stream_count * 10 >= (stream_mask + 1) * 8) return NULL; /* table full: not counted */
            s->endpoint = endpoint;
            s->ssrc = ssrc;
            s->last_ext = -1;
            stream_count++;
            return s;
        }
    }
}

static void on_rtp(const uint8_t *p, int len, uint32_t dst_ip, int64_t arrival, int64_t t) {
    rtp_rx_total++;
    long e = (long)dst_ip - (long)endpoints[0].ip;
    if (len < 12 || (p[0] >> 6) != 2 || e < 0 || e >= endpoints_n) {
        rtp_rx_unknown++;
        return;
    }
    endpoint_t *ep = &endpoints[e];
    ep->received++;
    uint16_t seq = (uint16_t)(p[2] << 8 | p[3]);
    uint32_t ts = (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 | (uint32_t)p[6] << 8 | p[7];
    uint32_t ssrc = (uint32_t)p[8] << 24 | (uint32_t)p[9] << 16 | (uint32_t)p[10] << 8 | p[11];
    int marker = p[1] & 0x80;
    stream_t *s = stream_for((int)e, ssrc);
    if (!s) return;
    int first = s->last_ext < 0;
    int64_t ext;
    if (first) {
        s->max_seq = seq;
        s->cycles = 0;
        ext = seq;
    } else {
        uint16_t delta = (uint16_t)(seq - s->max_seq);
        if (delta < 0x8000) {
            if (seq < s->max_seq) s->cycles += 65536;
            s->max_seq = seq;
        }
        ext = (int64_t)s->cycles + s->max_seq;
        if (delta >= 0x8000 || delta == 0) ext = -2; /* reordered or duplicate: counted as received only */
    }
    int in_window = window_state == 1 && arrival >= window_start_ns;
    if (in_window) {
        if (!s->in_window) {
            s->in_window = 1;
            s->win_first_ext = ext >= 0 ? ext : 0;
            s->win_max_ext = s->win_first_ext;
        }
        s->win_received++;
        if (ext > s->win_max_ext) s->win_max_ext = ext;
        if (ext >= 0 && s->last_ext >= 0 && ext == s->last_ext + 1) {
            int64_t gap = arrival - s->last_arrival;
            int64_t deviation = llabs(gap - FRAME_NS);
            hist_add(&h_jitter, deviation);
            if (deviation >= TAIL_NS) {
                int64_t b = (arrival - window_start_ns) / TAIL_BUCKET_NS;
                if (!tail_buckets) tail_buckets = calloc(TAIL_BUCKETS, sizeof *tail_buckets);
                if (tail_buckets && b >= 0 && b < TAIL_BUCKETS) tail_buckets[b]++;
            }
            uint32_t tsd = ts - s->last_ts;
            if (tsd > 160 && tsd < 160 * 3000) s->win_skipped += tsd / 160 - 1;
        }
    }
    if (ext >= 0) {
        s->last_ext = ext;
        s->last_ts = ts;
        s->last_arrival = arrival;
    }
    /* The service marks the first packet of every prompt: after a key press, that is the answer to it. */
    if (marker && !first && ep->pending_press_ns && arrival >= ep->pending_press_ns) {
        if (opt.prompt_refs > 0) {
            /* Only the first frame of an expected prompt answers the press; a marker after a gap in the
             * service's stream (its pacer skipped frames) does not. */
            int off = 12 + 4 * (p[0] & 0x0F);
            if ((p[0] & 0x10) && len >= off + 4) off += 4 + 4 * (p[off + 2] << 8 | p[off + 3]);
            int match = 0;
            for (int r = 0; r < opt.prompt_refs && !match; r++)
                match = len >= off + 160 && memcmp(p + off, opt.prompt_ref[r], 160) == 0;
            if (!match) {
                dtmf_other_markers++;
                return;
            }
        }
        if (window_state == 1) hist_add(&h_dtmf, arrival - ep->pending_press_ns);
        dtmf_answered++;
        ep->pending_press_ns = 0;
    }
    (void)t;
}

static void read_rtp(int s) {
    enum { RB = 64 };
    static struct mmsghdr msgs[RB];
    static struct iovec iov[RB];
    static uint8_t bufs[RB][256];
    static char ctl[RB][256];
    static struct sockaddr_in from[RB];
    for (int round = 0; round < 256; round++) {
        for (int i = 0; i < RB; i++) {
            iov[i].iov_base = bufs[i];
            iov[i].iov_len = sizeof bufs[i];
            msgs[i].msg_hdr.msg_name = &from[i];
            msgs[i].msg_hdr.msg_namelen = sizeof from[i];
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
            msgs[i].msg_hdr.msg_control = ctl[i];
            msgs[i].msg_hdr.msg_controllen = sizeof ctl[i];
            msgs[i].msg_hdr.msg_flags = 0;
        }
        int n = recvmmsg(rtp_fd[s], msgs, RB, MSG_DONTWAIT, NULL);
        if (n <= 0) return;
        int64_t t = now_ns();
        for (int i = 0; i < n; i++) {
            uint32_t dst = 0;
            int64_t arrival = t;
            struct msghdr *m = &msgs[i].msg_hdr;
            for (struct cmsghdr *cm = CMSG_FIRSTHDR(m); cm; cm = CMSG_NXTHDR(m, cm)) {
                if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_PKTINFO) {
                    struct in_pktinfo pi;
                    memcpy(&pi, CMSG_DATA(cm), sizeof pi);
                    dst = ntohl(pi.ipi_addr.s_addr);
                } else if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_TIMESTAMPNS) {
                    struct timespec ts;
                    memcpy(&ts, CMSG_DATA(cm), sizeof ts);
                    arrival = (int64_t)ts.tv_sec * NS_PER_S + ts.tv_nsec;
                }
            }
            /* The endpoint is the destination address on this socket; endpoints of socket s have ips in
             * its stride, so map back through the index. */
            on_rtp(bufs[i], (int)msgs[i].msg_len, dst, arrival, t);
        }
        if (n < RB) return;
    }
}

/* ---- the per-call tick ---------------------------------------------------------------------------- */
static void start_call(long slot, int64_t t) {
    call_t *c = &calls[slot];
    c->gen++;
    c->state = C_INVITING;
    c->to_tag[0] = 0;
    c->invite_ns = t;
    c->retx_interval_ns = T1_NS;
    c->retx_at_ns = t + T1_NS;
    c->tx_deadline_ns = t + TIMER_B_NS;
    c->seq = (uint16_t)random();
    c->ts = (uint32_t)random();
    c->ssrc = (uint32_t)random();
    c->dtmf_left = 0;
    c->rx_base = endpoints[c->endpoint].received;
    c->answered_ns = 0;
    placed++;
    last_placed_ns = t;
    send_invite(slot);
}

static void visit(long slot, int64_t t) {
    call_t *c = &calls[slot];
    switch (c->state) {
    case C_INVITING:
    case C_PROCEEDING:
        if (t >= c->tx_deadline_ns) {
            call_failed(slot, F_INVITE_TIMEOUT, 0);
        } else if (c->state == C_INVITING && c->retx_at_ns && t >= c->retx_at_ns) {
            send_invite(slot);
            sip_retransmissions++;
            c->retx_interval_ns *= 2; /* timer A doubles, no cap */
            c->retx_at_ns = t + c->retx_interval_ns;
        }
        return;
    case C_UP: {
        endpoint_t *e = &endpoints[c->endpoint];
        if (t >= c->bye_at_ns) {
            c->state = C_BYEING;
            c->retx_interval_ns = T1_NS;
            c->retx_at_ns = t + T1_NS;
            c->tx_deadline_ns = t + TIMER_B_NS;
            if (e->pending_press_ns) e->pending_press_ns = 0;
            send_bye(slot);
            return;
        }
        if (c->next_press_ns && t >= c->next_press_ns && c->dtmf_left == 0) {
            if (e->pending_press_ns == 0) {
                c->dtmf_left = DTMF_EVENT_PACKETS + DTMF_END_PACKETS;
                c->dtmf_ts = c->ts;
                c->dtmf_duration = 0;
                char key = opt.keys[c->presses++ % strlen(opt.keys)];
                c->dtmf_event = (uint8_t)(key == '*' ? 10 : key == '#' ? 11 : key - '0');
                e->pending_press_ns = now_ns();
                dtmf_presses++;
                c->next_press_ns = t + (int64_t)(opt.dtmf_period_s * NS_PER_S);
            } else if (t - e->pending_press_ns > DTMF_GIVE_UP_NS) {
                /* No prompt change came for the last press on this endpoint. */
                if (window_state == 1) dtmf_missed++;
                else dtmf_late_unclaimed++;
                e->pending_press_ns = 0;
            }
        }
        queue_frame(slot);
        return;
    }
    case C_BYEING:
        if (t >= c->tx_deadline_ns) {
            call_failed(slot, F_BYE_TIMEOUT, 0);
        } else if (t >= c->retx_at_ns) {
            send_bye(slot);
            sip_retransmissions++;
            c->retx_interval_ns *= 2;
            if (c->retx_interval_ns > T2_NS) c->retx_interval_ns = T2_NS;
            c->retx_at_ns = t + c->retx_interval_ns;
        }
        return;
    default:
        return;
    }
}

/* ---- self test: the receiver's bookkeeping on a synthetic stream, no sockets ------------------------ */
static int self_test_failures;

static void expect(int ok, const char *what) {
    printf("self-test %s: %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) self_test_failures++;
}

static void synth(uint8_t *p, uint16_t seq, uint32_t ts, int marker, uint8_t fill) {
    memset(p, 0, RTP_LEN);
    p[0] = 0x80;
    p[1] = (uint8_t)(marker ? 0x80 : 0);
    p[2] = (uint8_t)(seq >> 8); p[3] = (uint8_t)seq;
    p[4] = (uint8_t)(ts >> 24); p[5] = (uint8_t)(ts >> 16); p[6] = (uint8_t)(ts >> 8); p[7] = (uint8_t)ts;
    p[8] = 0x12; p[9] = 0x34; p[10] = 0x56; p[11] = 0x78;
    memset(p + 12, fill, 160);
}

/* A stream of 100 packets whose sequence wraps at 65535, with one packet lost, one frame skipped by the
 * sender, one packet 5 ms late, and a key press answered by a prompt's first frame after a stray marker. */
static int self_test(void) {
    endpoints_n = 1;
    endpoints = calloc(1, sizeof *endpoints);
    endpoints[0].ip = 0x7f010001u;
    streams = calloc(1024, sizeof *streams);
    stream_mask = 1023;
    for (int i = 0; i < 1024; i++) streams[i].endpoint = -1;
    hist_init(&h_jitter, 10000, 200000);
    hist_init(&h_dtmf, 100000, 50000);
    opt.prompt_refs = 1;
    memset(opt.prompt_ref[0], 0x42, 160);
    window_state = 1;
    window_start_ns = 0;
    uint8_t p[RTP_LEN];
    int64_t t0 = 1000 * NS_PER_S;
    uint16_t seq0 = 65480;
    uint32_t ts = 5000;
    for (int i = 0; i < 100; i++) {
        uint16_t seq = (uint16_t)(seq0 + i);
        int64_t arrival = t0 + (int64_t)i * FRAME_NS;
        if (i == 70) ts += 160;                  /* the sender skipped a frame: timestamp jumps by 2 frames */
        if (i == 80) arrival += 5 * NS_PER_MS;   /* one packet 5 ms late */
        if (i == 60) endpoints[0].pending_press_ns = arrival - 30 * NS_PER_MS;
        int marker = i == 0 || i == 62 || i == 65;
        uint8_t fill = i == 65 ? 0x42 : 0xFF;    /* 62: a marker on silence (a gap), 65: the prompt's frame */
        synth(p, seq, ts, marker, fill);
        ts += 160;
        if (i == 50) continue;                   /* lost */
        on_rtp(p, RTP_LEN, 0x7f010001u, arrival, arrival);
    }
    stream_t *s = stream_for(0, 0x12345678);
    int64_t exp = s->win_max_ext - s->win_first_ext + 1;
    expect(exp == 100, "100 packets expected across the sequence wrap");
    expect(s->win_received == 99, "99 received (one lost)");
    expect(s->win_skipped == 1, "one frame skipped by the sender");
    expect(h_dtmf.count == 1 && h_dtmf.max_ns == 30 * NS_PER_MS + 5 * FRAME_NS,
           "the key press answered by the prompt's first frame (130 ms), not by the stray marker");
    expect(dtmf_other_markers == 1, "the stray marker counted apart");
    expect(h_jitter.max_ns == 5 * NS_PER_MS, "jitter max 5 ms (the late packet)");
    /* 99 received, 98 consecutive pairs minus the two around the lost packet = 97 samples. */
    expect(h_jitter.count == 97, "a jitter sample per consecutive pair");
    expect(fabs(hist_q_ms(&h_jitter, 0.5)) < 0.011, "jitter p50 0 ms");
    return self_test_failures == 0 ? 0 : 1;
}

/* The host's steal ticks summed over CPUs (USER_HZ), -1 when /proc/stat does not say. */
static long long steal_ticks(void) {
    FILE *f = fopen("/proc/stat", "r");
    long long v[8] = {0};
    int n = f ? fscanf(f, "cpu %lld %lld %lld %lld %lld %lld %lld %lld", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) : 0;
    if (f) fclose(f);
    return n == 8 ? v[7] : -1;
}

/* Microseconds during which some runnable task waited for a CPU (PSI), -1 without PSI. */
static long long cpu_pressure_us(void) {
    FILE *f = fopen("/proc/pressure/cpu", "r");
    long long total = -1;
    if (f && fscanf(f, "some avg10=%*f avg60=%*f avg300=%*f total=%lld", &total) != 1) total = -1;
    if (f) fclose(f);
    return total;
}

/* Called on every pass of the window: closes the bucket the pass left with the machine's counters since it opened. */
static void box_account(int64_t t, int64_t lag_ms) {
    int64_t b = (t - window_start_ns) / TAIL_BUCKET_NS;
    if (b < 0 || b >= TAIL_BUCKETS) return;
    if (!box_buckets) box_buckets = calloc(TAIL_BUCKETS, sizeof *box_buckets);
    if (!box_buckets) return;
    if (b != box_bucket_open) {
        long long steal = steal_ticks(), psi = cpu_pressure_us();
        if (box_bucket_open >= 0) {
            box_bucket_t *closed = &box_buckets[box_bucket_open];
            if (steal >= 0 && box_steal_ticks_at >= 0)
                closed->steal_ms = (uint32_t)((steal - box_steal_ticks_at) * 1000 / sysconf(_SC_CLK_TCK));
            if (psi >= 0 && box_psi_us_at >= 0) closed->psi_some_us = (uint32_t)(psi - box_psi_us_at);
        }
        box_steal_ticks_at = steal;
        box_psi_us_at = psi;
        box_bucket_open = b;
    }
    if (lag_ms > (int64_t)box_buckets[b].gen_lag_ms) box_buckets[b].gen_lag_ms = (uint32_t)lag_ms;
}

/* One line: how many jitter samples were >= 5 ms, how many 100 ms buckets of the window they fall in, and the
 * sixteen worst buckets (seconds into the window: samples), so that bursts can be matched with a GC log. */
static void print_jitter_tail(double window_s) {
    uint64_t total = 0, buckets = 0;
    int n = (int)(window_s * 10) + 1;
    if (n > TAIL_BUCKETS) n = TAIL_BUCKETS;
    for (int i = 0; tail_buckets && i < n; i++) {
        total += tail_buckets[i];
        if (tail_buckets[i]) buckets++;
    }
    struct tm started;
    char when[32];
    gmtime_r(&window_start_wall.tv_sec, &started);
    strftime(when, sizeof when, "%H:%M:%S", &started);
    /* The machine over the window, and the share of the tail in buckets where the host stole time or where our
     * own loop, at a higher priority than the service, was 3 ms or more late. */
    uint64_t steal_ms = 0, psi_us = 0, tail_stolen = 0, tail_gen_late = 0;
    for (int i = 0; box_buckets && i < n; i++) {
        steal_ms += box_buckets[i].steal_ms;
        psi_us += box_buckets[i].psi_some_us;
        uint32_t tail = tail_buckets ? tail_buckets[i] : 0;
        if (box_buckets[i].steal_ms) tail_stolen += tail;
        if (box_buckets[i].gen_lag_ms >= 3) tail_gen_late += tail;
    }
    printf("jitter_tail over_5ms=%" PRIu64 " (%.3f%% of samples) in %" PRIu64 " of %d buckets of 100 ms from %s.%03ld UTC;"
           " of it in buckets with host steal %.0f%%, with the generator >= 3 ms late %.0f%%;"
           " box: steal=%.0fms (%.2f%% of CPU time) cpu_pressure_some=%.1f%%; worst (samples lag,steal,pressure ms):",
           total, h_jitter.count ? 100.0 * (double)total / (double)h_jitter.count : 0.0, buckets, n, when,
           window_start_wall.tv_nsec / 1000000, total ? 100.0 * (double)tail_stolen / (double)total : 0.0,
           total ? 100.0 * (double)tail_gen_late / (double)total : 0.0, (double)steal_ms,
           window_s > 0 ? 100.0 * (double)steal_ms / (window_s * 1000.0 * (double)sysconf(_SC_NPROCESSORS_ONLN)) : 0.0,
           window_s > 0 ? (double)psi_us / (window_s * 10000.0) : 0.0);
    for (int k = 0; k < 16 && tail_buckets; k++) {
        int worst = -1;
        for (int i = 0; i < n; i++)
            if (tail_buckets[i] && (worst < 0 || tail_buckets[i] > tail_buckets[worst])) worst = i;
        if (worst < 0) break;
        box_bucket_t box = box_buckets ? box_buckets[worst] : (box_bucket_t){0, 0, 0};
        printf(" +%.1fs:%u(%u,%u,%.0f)", worst / 10.0, tail_buckets[worst], box.gen_lag_ms, box.steal_ms,
               box.psi_some_us / 1000.0);
        tail_buckets[worst] = 0;
    }
    printf("\n");
}

static void on_usr1(int sig) { (void)sig; heap_sampled = 1; }
static void on_int(int sig) { (void)sig; interrupted = 1; }

static int open_udp(int port, int rcvbuf, int sndbuf) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) die("socket: %s", strerror(errno));
    int one = 1;
    /* The FORCE variants pass net.core.rmem_max when we may (CAP_NET_ADMIN); else the capped size. */
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf) != 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sndbuf, sizeof sndbuf) != 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
    /* Don't-fragment, as RTP stacks usually send (and as the service does): without it the kernel hashes a
     * fresh IP ID for every datagram, measurable at these rates. */
    int pmtudisc = IP_PMTUDISC_DO;
    setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtudisc, sizeof pmtudisc);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0) die("bind port %d: %s", port, strerror(errno));
    return fd;
}

static void usage(void) {
    fprintf(stderr,
        "usage: hotline-load [options]   |   hotline-load --self-test\n"
        "  -s host:port   the service's SIP address (127.0.0.1:35060)\n"
        "  -L port        our SIP port (46100)      -R port   first of our RTP ports (46200)\n"
        "  -S n           RTP sockets (4)           -k n      calls sharing one address:port (1)\n"
        "  -n n           calls to place (100)      -c n      at most up at once (= -n)\n"
        "  -r x           new calls per second (100)\n"
        "  -H s           churn: hold each call s seconds (default: level mode, all held until the end)\n"
        "  -w s           warm-up before the window (3)  -m s  measured window (20)  -t s  tail (30)\n"
        "  -D s           first key press after answer (2)  -P s  then every s seconds (5)  -d keys  pressed in turn (1*)\n"
        "  -p pid         the service's pid, for its CPU over the window\n"
        "  -A file.ulaw   a prompt a key press may start (PCMU; repeatable): only a marked packet carrying its\n"
        "                 first frame answers a press (default: any marked packet)\n");
    exit(2);
}

int main(int argc, char **argv) {
    int ch;
    if (argc == 2 && strcmp(argv[1], "--self-test") == 0) return self_test();
    while ((ch = getopt(argc, argv, "s:L:R:S:k:n:c:r:H:w:m:t:D:P:d:p:A:h")) != -1) {
        switch (ch) {
        case 's': if (sscanf(optarg, "%63[^:]:%d", opt.sip_host, &opt.sip_port) != 2) usage(); break;
        case 'L': opt.local_sip_port = atoi(optarg); break;
        case 'R': opt.rtp_port = atoi(optarg); break;
        case 'S': opt.sockets = atoi(optarg); break;
        case 'k': opt.share = atoi(optarg); break;
        case 'n': opt.calls = atol(optarg); break;
        case 'c': opt.concurrent = atol(optarg); break;
        case 'r': opt.rate = atof(optarg); break;
        case 'H': opt.hold_s = atof(optarg); break;
        case 'w': opt.warmup_s = atof(optarg); break;
        case 'm': opt.measure_s = atof(optarg); break;
        case 't': opt.tail_s = atof(optarg); break;
        case 'D': opt.dtmf_first_s = atof(optarg); break;
        case 'P': opt.dtmf_period_s = atof(optarg); break;
        case 'd': opt.keys = optarg; break;
        case 'p': opt.service_pid = atoi(optarg); break;
        case 'A': {
            FILE *f = fopen(optarg, "rb");
            if (!f || opt.prompt_refs == 8 || fread(opt.prompt_ref[opt.prompt_refs], 1, 160, f) != 160)
                die("cannot read a 160-byte first frame from %s (at most 8 files)", optarg);
            fclose(f);
            opt.prompt_refs++;
            break;
        }
        default: usage();
        }
    }
    if (opt.sockets < 1 || opt.sockets > MAX_SOCKS || opt.share < 1 || opt.calls < 1 || opt.rate <= 0)
        usage();
    if (!opt.keys[0] || strspn(opt.keys, "0123456789*#") != strlen(opt.keys)) usage();
    int level = opt.hold_s < 0;
    slots_n = opt.concurrent > 0 ? opt.concurrent : opt.calls;
    if (slots_n > opt.calls) slots_n = opt.calls;
    endpoints_n = (slots_n + opt.share - 1) / opt.share;
    if (endpoints_n > 60000) die("too many endpoints (%ld): use -k", endpoints_n);

    struct timespec seed;
    clock_gettime(CLOCK_MONOTONIC, &seed);
    srandom((unsigned)(seed.tv_nsec ^ getpid()));
    run_id = (uint32_t)random();
    calls = calloc((size_t)slots_n, sizeof *calls);
    endpoints = calloc((size_t)endpoints_n, sizeof *endpoints);
    send_batches = calloc((size_t)opt.sockets, sizeof *send_batches);
    /* Endpoint e: address 127.1.0.1 + e on socket e % S; consecutive addresses so that a received packet's
     * destination gives the endpoint at once. */
    for (long e = 0; e < endpoints_n; e++) {
        endpoints[e].ip = 0x7f010001u + (uint32_t)e;
        endpoints[e].sock = (int)(e % opt.sockets);
    }
    for (long s = 0; s < slots_n; s++) calls[s].endpoint = (int)(s / opt.share);
    uint64_t cap = 1024;
    while (cap < (uint64_t)opt.calls * 3) cap <<= 1;
    streams = calloc(cap, sizeof *streams);
    stream_mask = cap - 1;
    for (uint64_t i = 0; i < cap; i++) streams[i].endpoint = -1;
    hist_init(&h_setup, 100000, 200000);     /* 0.1 ms bins up to 20 s */
    hist_init(&h_jitter, 10000, 200000);     /* 10 us bins up to 2 s */
    hist_init(&h_dtmf, 100000, 50000);       /* 0.1 ms bins up to 5 s */

    memset(&sip_dst, 0, sizeof sip_dst);
    sip_dst.sin_family = AF_INET;
    sip_dst.sin_port = htons((uint16_t)opt.sip_port);
    if (inet_pton(AF_INET, opt.sip_host, &sip_dst.sin_addr) != 1) die("bad SIP host %s", opt.sip_host);

    epfd = epoll_create1(0);
    sip_fd = open_udp(opt.local_sip_port, 8 << 20, 4 << 20);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 1000};
    epoll_ctl(epfd, EPOLL_CTL_ADD, sip_fd, &ev);
    /* RTP sockets are not in epoll: they are drained once per tick, so that a wake-up reads a batch rather
     * than one packet (arrival times come from the kernel's timestamps, not from when we read). */
    for (int s = 0; s < opt.sockets; s++) rtp_fd[s] = open_udp(opt.rtp_port + s, 16 << 20, 8 << 20);
    tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    struct itimerspec its = {.it_interval = {0, NS_PER_MS}, .it_value = {0, NS_PER_MS}};
    timerfd_settime(tfd, 0, &its, NULL);
    ev.data.u32 = 2000;
    epoll_ctl(epfd, EPOLL_CTL_ADD, tfd, &ev);
    signal(SIGUSR1, on_usr1);
    signal(SIGINT, on_int);
    signal(SIGTERM, on_int);

    start_ns = now_ns();
    int64_t last_tick_ms = start_ns / NS_PER_MS;
    long next_free = 0;
    int64_t done_at = 0;
    static char sipbuf[65536];
    struct epoll_event evs[64];
    for (;;) {
        int n = epoll_wait(epfd, evs, 64, 5);
        if (n < 0 && errno != EINTR) die("epoll_wait: %s", strerror(errno));
        for (int i = 0; i < n; i++) {
            uint32_t id = evs[i].data.u32;
            if (id == 2000) {
                uint64_t x;
                while (read(tfd, &x, sizeof x) > 0) {}
            } else if (id == 1000) {
                for (int k = 0; k < 256; k++) {
                    ssize_t len = recv(sip_fd, sipbuf, sizeof sipbuf - 1, MSG_DONTWAIT);
                    if (len <= 0) break;
                    on_sip(sipbuf, (int)len, now_ns());
                }
            }
        }
        for (int s = 0; s < opt.sockets; s++) read_rtp(s);
        int64_t t = now_ns();

        /* Place new calls at the rate, as slots free up. */
        if (!interrupted && placed < opt.calls && teardown_ns == 0) {
            long due = (long)((double)(t - start_ns) / NS_PER_S * opt.rate) + 1;
            if (due > opt.calls) due = opt.calls;
            for (long tries = 0; placed < due && tries < slots_n; tries++) {
                long s = next_free;
                next_free = (next_free + 1) % slots_n;
                if (calls[s].state == C_FREE || calls[s].state == C_DONE) start_call(s, t);
            }
        }

        /* The measured window. */
        if (window_state == 0) {
            int64_t open_at;
            if (level) open_at = placed == opt.calls && settled_first == opt.calls
                ? t + (int64_t)(opt.warmup_s * NS_PER_S) : 0;
            else open_at = start_ns + (int64_t)(opt.warmup_s * NS_PER_S);
            if (level && open_at && !window_start_ns) window_start_ns = open_at;
            if (!level) window_start_ns = open_at;
            if (window_start_ns && t >= window_start_ns) {
                window_state = 1;
                clock_gettime(CLOCK_REALTIME, &window_start_wall);
                window_end_ns = window_start_ns + (int64_t)(opt.measure_s * NS_PER_S);
                gen_cpu_start = cpu_s();
                gen_sys_start = sys_cpu_s();
                svc_ticks_start = service_ticks();
                long up = 0;
                for (long s = 0; s < slots_n; s++) up += calls[s].state == C_UP;
                printf("phase=held up=%ld\n", up);
                fflush(stdout);
            }
        } else if (window_state == 1 && (t >= window_end_ns || interrupted)) {
            window_state = 2;
            window_end_ns = t;
            gen_cpu_end = cpu_s();
            gen_sys_end = sys_cpu_s();
            svc_ticks_end = service_ticks();
            long up = 0;
            for (long s = 0; s < slots_n; s++) up += calls[s].state == C_UP;
            printf("phase=measured up=%ld\n", up);
            fflush(stdout);
            if (level) teardown_ns = t + (int64_t)(opt.tail_s * NS_PER_S);
        }
        if (level && window_state == 2 && teardown_ns && (heap_sampled || interrupted || t >= teardown_ns)) {
            /* Hang up all calls, spread at the call rate. */
            long k = 0;
            for (long s = 0; s < slots_n; s++) {
                if (calls[s].state == C_UP) calls[s].bye_at_ns = t + (int64_t)((double)k++ / opt.rate * NS_PER_S);
                else if (calls[s].state == C_INVITING || calls[s].state == C_PROCEEDING) calls[s].bye_at_ns = t;
            }
            teardown_ns = 0;
            heap_sampled = 0;
            level = 2; /* torn down */
        }
        if (!level && interrupted && !done_at) {
            for (long s = 0; s < slots_n; s++) if (calls[s].state == C_UP) calls[s].bye_at_ns = t;
            placed = opt.calls;
        }

        /* Visit the slots of every millisecond since the last pass. */
        int64_t tick_ms = t / NS_PER_MS;
        if (window_state == 1) {
            /* Our own pacing: if this loop falls behind, the caller audio it sends is late (the figures
             * measured on the service's stream do not depend on it: they use kernel timestamps). */
            int64_t lag = tick_ms - last_tick_ms - 1;
            if (lag > gen_lag_max_ms) gen_lag_max_ms = lag;
            if (lag >= 5) gen_lagged_ticks++;
            box_account(t, lag);
        }
        if (tick_ms - last_tick_ms > SLOTS) last_tick_ms = tick_ms - SLOTS;
        for (int64_t ms = last_tick_ms + 1; ms <= tick_ms; ms++) {
            long slot0 = (long)(ms % SLOTS);
            for (long s = slot0; s < slots_n; s += SLOTS) visit(s, t);
        }
        last_tick_ms = tick_ms;
        for (int s = 0; s < opt.sockets; s++) if (send_batches[s].n) flush_batch(s);

        /* Done when every call has ended, the window closed and (level) the calls were torn down. */
        if (placed >= opt.calls && window_state == 2 && (level != 1)) {
            long active = 0;
            for (long s = 0; s < slots_n; s++) active += calls[s].state != C_DONE && calls[s].state != C_FREE;
            if (active == 0) break;
        }
        if (interrupted && !done_at) done_at = t + 40 * NS_PER_S;
        if (done_at && t >= done_at) break;
    }

    /* ---- summary ---- */
    uint64_t expected = 0, received = 0, skipped = 0, lost = 0;
    uint64_t win_streams = 0;
    for (uint64_t i = 0; i <= stream_mask; i++) {
        stream_t *s = &streams[i];
        if (s->endpoint < 0 || !s->in_window) continue;
        win_streams++;
        uint64_t exp = (uint64_t)(s->win_max_ext - s->win_first_ext + 1);
        expected += exp;
        received += s->win_received;
        if (exp > s->win_received) lost += exp - s->win_received;
        skipped += s->win_skipped;
    }
    double window_s = (double)(window_end_ns - window_start_ns) / NS_PER_S;
    double gen_cores = window_s > 0 ? (gen_cpu_end - gen_cpu_start) / window_s : NAN;
    double gen_sys_cores = window_s > 0 ? (gen_sys_end - gen_sys_start) / window_s : NAN;
    double svc_cores = NAN;
    if (svc_ticks_start >= 0 && svc_ticks_end >= 0 && window_s > 0)
        svc_cores = (double)(svc_ticks_end - svc_ticks_start) / (double)sysconf(_SC_CLK_TCK) / window_s;
    char reasons[1024] = "";
    size_t rl = 0;
    for (int r = 1; r < F_COUNT; r++) {
        if (r == F_STATUS || r == F_BYE_STATUS) continue;
        if (fails[r]) rl += (size_t)snprintf(reasons + rl, sizeof reasons - rl, "%s%s:%ld", rl ? "," : "", FAIL_NAMES[r], fails[r]);
    }
    for (int st = 0; st < 700; st++)
        if (status_fails[st]) rl += (size_t)snprintf(reasons + rl, sizeof reasons - rl, "%s%d:%ld", rl ? "," : "", st, status_fails[st]);
    printf("summary placed=%ld completed=%ld failed=%ld reasons=%s retry_after=%" PRIu64
           " setup_p50_ms=%.1f setup_p99_ms=%.1f setup_max_ms=%.1f"
           " streams=%" PRIu64 " expected=%" PRIu64 " received=%" PRIu64 " loss_pct=%.4f skipped_pct=%.4f"
           " jitter_p50_ms=%.2f jitter_p99_ms=%.2f jitter_max_ms=%.2f jitter_n=%" PRIu64
           " dtmf_presses=%" PRIu64 " dtmf_n=%" PRIu64 " dtmf_missed=%" PRIu64 " dtmf_other_markers=%" PRIu64 " dtmf_p50_ms=%.1f dtmf_p99_ms=%.1f"
           " placing_s=%.1f window_s=%.1f gen_cores=%.3f gen_sys_cores=%.3f svc_cores=%.3f rtp_sent=%" PRIu64 " rtp_rx=%" PRIu64
           " rtp_rx_unknown=%" PRIu64 " rtp_send_errors=%" PRIu64 " sip_retransmissions=%" PRIu64
           " gen_lag_max_ms=%" PRId64 " gen_lagged_ticks=%" PRIu64 "\n",
           placed, completed_calls, failed_calls, rl ? reasons : "-", retry_after_seen,
           hist_q_ms(&h_setup, 0.5), hist_q_ms(&h_setup, 0.99), (double)h_setup.max_ns / NS_PER_MS,
           win_streams, expected, received, expected ? 100.0 * (double)lost / (double)expected : NAN,
           expected ? 100.0 * (double)skipped / (double)(expected + skipped) : NAN,
           hist_q_ms(&h_jitter, 0.5), hist_q_ms(&h_jitter, 0.99), (double)h_jitter.max_ns / NS_PER_MS, h_jitter.count,
           dtmf_presses, h_dtmf.count, dtmf_missed, dtmf_other_markers, hist_q_ms(&h_dtmf, 0.5), hist_q_ms(&h_dtmf, 0.99),
           (double)(last_placed_ns - start_ns) / NS_PER_S, window_s, gen_cores, gen_sys_cores, svc_cores, rtp_sent, rtp_rx_total, rtp_rx_unknown, rtp_send_errors,
           sip_retransmissions, gen_lag_max_ms, gen_lagged_ticks);
    print_jitter_tail(window_s);
    fflush(stdout);
    return 0;
}
