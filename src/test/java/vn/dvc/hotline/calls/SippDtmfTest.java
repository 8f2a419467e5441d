package vn.dvc.hotline.calls;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.dvc.hotline.portal.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real third-party caller: SIPp (Debian's sip-tester) places a call, replays RFC 2833 key "1" from its own pcap
 * and hangs up; the call record must show the key at the root menu. CI installs sip-tester; on a machine without it
 * the test is skipped and says why.
 */
@QuarkusTest
class SippDtmfTest {

    private static final String SIPP = "/usr/bin/sipp";
    private static final String PCAP = "/usr/share/sip-tester/dtmf_2833_1.pcap";

    @Test
    void rfc2833KeyFromSippReachesTheMenu() throws Exception {
        assumeTrue(new File(SIPP).canExecute() && new File(PCAP).canRead(),
                "SIPp is not installed (apt-get install sip-tester); .ci/run installs it");
        Instant before = Instant.now().minusSeconds(1);
        Path scenario = Path.of("src/test/resources/sipp/uac_dtmf_2833.xml").toAbsolutePath();
        Path workDir = Files.createTempDirectory(Path.of("target"), "sipp-");
        Process sipp = new ProcessBuilder(SIPP, "-sf", scenario.toString(), "-m", "1", "-l", "1",
                "-i", "127.0.0.1", "-mi", "127.0.0.1", "-mp", "46000", "-p", "46100", "-timeout", "30s",
                "-timeout_error", "-nostdin",
                "127.0.0.1:" + ConfigProvider.getConfig().getValue("hotline.sip.port", Integer.class))
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("sipp.out").toFile()).start();
        assertTrue(sipp.waitFor(60, TimeUnit.SECONDS), "SIPp did not finish within 60 s");
        assertEquals(0, sipp.exitValue(), "SIPp failed: " + Files.readString(workDir.resolve("sipp.out")));

        for (int attempt = 0; attempt < 50; attempt++) {
            List<Map<String, Object>> records = given().header("Authorization", Tokens.admin())
                    .queryParam("from", before.toString()).queryParam("size", 50)
                    .when().get("/api/v1/calls").then().statusCode(200).extract().path("items");
            for (Map<String, Object> record : records) {
                if ("CALLER_HANGUP".equals(record.get("endReason")) && "rfc4733".equals(record.get("dtmfMode"))) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> path = (List<Map<String, Object>>) record.get("menuPath");
                    assertTrue(path.stream().anyMatch(s -> "root".equals(s.get("node")) && "1".equals(s.get("digits"))),
                            "key 1 at the root menu: " + path);
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no call record of SIPp's call with an RFC 4733 key");
    }
}
