package vn.dvc.hotline.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RtpPortPoolTest {

    @Test
    void handsOutEvenPortsOnlyUntilExhausted() {
        RtpPortPool pool = new RtpPortPool(41000, 41009);
        assertEquals(5, pool.capacity());
        assertEquals(5, pool.available());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            int port = pool.acquire().orElseThrow();
            assertEquals(0, port % 2, "odd port " + port);
            assertTrue(port >= 41000 && port <= 41008, "out of range: " + port);
            assertTrue(seen.add(port), "handed out twice: " + port);
        }
        assertEquals(0, pool.available());
        assertEquals(OptionalInt.empty(), pool.acquire());
    }

    @Test
    void releasedPortIsReusedLast() {
        RtpPortPool pool = new RtpPortPool(41000, 41005);
        int first = pool.acquire().orElseThrow();
        pool.release(first);
        assertEquals(3, pool.available());
        // FIFO: the two never-used ports come first, the released one after them.
        assertEquals(41002, pool.acquire().orElseThrow());
        assertEquals(41004, pool.acquire().orElseThrow());
        assertEquals(first, pool.acquire().orElseThrow());
        assertFalse(pool.acquire().isPresent());
    }

    @Test
    void secondReleaseIsHarmless() {
        RtpPortPool pool = new RtpPortPool(41000, 41003);
        int port = pool.acquire().orElseThrow();
        pool.release(port);
        pool.release(port);
        assertEquals(2, pool.available());
        Set<Integer> ports = Set.of(pool.acquire().orElseThrow(), pool.acquire().orElseThrow());
        assertEquals(Set.of(41000, 41002), ports);
        assertFalse(pool.acquire().isPresent(), "a double release must not create a second copy of a port");
    }

    @Test
    void rejectsForeignPortsAndBadRanges() {
        RtpPortPool pool = new RtpPortPool(41000, 41010);
        assertThrows(IllegalArgumentException.class, () -> pool.release(41001));
        assertThrows(IllegalArgumentException.class, () -> pool.release(40998));
        assertThrows(IllegalArgumentException.class, () -> pool.release(41012));
        assertThrows(IllegalArgumentException.class, () -> new RtpPortPool(41001, 41010));
        assertThrows(IllegalArgumentException.class, () -> new RtpPortPool(41000, 41000));
        assertThrows(IllegalArgumentException.class, () -> new RtpPortPool(65534, 65536));
    }

    @Test
    void oddMaximumIsTheRtcpPortOfTheLastEvenOne() {
        RtpPortPool pool = new RtpPortPool(41000, 41001);
        assertEquals(1, pool.capacity());
        assertEquals(41000, pool.acquire().orElseThrow());
    }

    @Test
    void concurrentAcquireAndReleaseNeverShareAPort() throws Exception {
        RtpPortPool pool = new RtpPortPool(41000, 41199);
        int threads = 8;
        Set<Integer> held = ConcurrentHashMap.newKeySet();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(executor.submit(() -> {
                go.await();
                int conflicts = 0;
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    if (mine.size() < 10) {
                        OptionalInt port = pool.acquire();
                        if (port.isPresent()) {
                            if (!held.add(port.getAsInt())) {
                                conflicts++;
                            }
                            mine.add(port.getAsInt());
                        }
                    } else {
                        int port = mine.remove(0);
                        held.remove(port);
                        pool.release(port);
                    }
                }
                for (int port : mine) {
                    held.remove(port);
                    pool.release(port);
                }
                return conflicts;
            }));
        }
        go.countDown();
        for (Future<Integer> result : results) {
            assertEquals(0, result.get(30, TimeUnit.SECONDS), "a port was held by two callers at once");
        }
        executor.shutdown();
        assertEquals(100, pool.available());
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            all.add(pool.acquire().orElseThrow());
        }
        assertEquals(100, all.size());
    }

    @Test
    void configCheckNamesTheKey() {
        Duration timeout = Duration.ofSeconds(30);
        assertMessage("hotline.rtp.port-min", new TestRtpConfig(20001, 29999, Optional.empty(), timeout));
        assertMessage("hotline.rtp.port-min", new TestRtpConfig(80, 29999, Optional.empty(), timeout));
        assertMessage("hotline.rtp.port-max", new TestRtpConfig(20000, 20000, Optional.empty(), timeout));
        assertMessage("hotline.rtp.port-max", new TestRtpConfig(20000, 70000, Optional.empty(), timeout));
        assertMessage("hotline.rtp.bind-address", new TestRtpConfig(20000, 29999, Optional.of("media.local"),
                timeout));
        assertMessage("hotline.rtp.bind-address", new TestRtpConfig(20000, 29999, Optional.of("10.0.0.256"),
                timeout));
        assertMessage("hotline.rtp.inactivity-timeout", new TestRtpConfig(20000, 29999, Optional.empty(),
                Duration.ZERO));
        RtpConfig.SocketLayout shared = RtpConfig.SocketLayout.PER_EVENT_LOOP;
        assertMessage("hotline.rtp.overload-lag-limit", new TestRtpConfig(20000, 29999, Optional.empty(), timeout,
                shared, Duration.ofMillis(-1)));
        assertMessage("hotline.rtp.overload-lag-limit", new TestRtpConfig(20000, 29999, Optional.empty(), timeout,
                shared, Duration.ofMillis(61)));
        RtpConfigCheck.validate(new TestRtpConfig(20000, 29999, Optional.empty(), timeout, shared, Duration.ZERO));
        RtpConfigCheck.validate(new TestRtpConfig(20000, 29999, Optional.empty(), timeout));
        RtpConfigCheck.validate(new TestRtpConfig(20000, 29999, Optional.of(" 10.1.2.3 "), timeout));
        RtpConfigCheck.validate(new TestRtpConfig(20000, 29999, Optional.of("::"), timeout));
        assertEquals(5000, new RtpPortPool(new TestRtpConfig(20000, 29999, Optional.empty(), timeout)).capacity());
    }

    private static void assertMessage(String key, RtpConfig config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RtpConfigCheck.validate(config));
        assertTrue(e.getMessage().startsWith(key + " "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RtpPortPool(config));
    }
}
