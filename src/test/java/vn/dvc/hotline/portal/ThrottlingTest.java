package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(LookupThrottleProfile.class)
// The rate-limit test empties this client's token bucket, which the lookups also draw from: it runs last, or a
// lookup may meet the rate limiter's 429 (Retry-After 1) instead of the lookup throttle's.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrottlingTest {

    @Inject
    Pool pool;

    @Test
    void failedLookupsAreLimitedPerClientEvenForTheRightVerifier() {
        for (int i = 0; i < 3; i++) {
            lookup("000.00.00.H00-000000-000" + i, "1234").then().statusCode(404);
        }
        Response throttled = lookup("000.00.00.H00-000000-0009", "1234");
        throttled.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter > 500 && retryAfter <= 600, "Retry-After " + retryAfter);
    }

    @Test
    void restartingOnASeededDatabaseAddsNothing() {
        long seeded = pool.query("SELECT count(*) FROM dossier WHERE code LIKE '000.00.__.H31-______-____'")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        // The synthetic dossiers are generated with fixed codes; a restart must not add them twice.
        long distinctSeedNumbers = pool.query("SELECT count(DISTINCT right(code, 4)) FROM dossier "
                + "WHERE code LIKE '000.00.__.H31-______-____' AND right(code, 4)::int <= 224")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals(224, distinctSeedNumbers);
        assertTrue(seeded >= 224);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anonymousEndpointsAreRateLimited() {
        Response limited = null;
        int allowed = 0;
        for (int i = 0; i < 1000 && limited == null; i++) {
            Response response = given().when().get("/api/v1/fields");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                allowed++;
            }
        }
        assertTrue(limited != null, "no 429 in 1000 requests");
        assertTrue(allowed >= 90, "the burst of 100 was allowed before 429, got 429 after " + allowed);
        limited.then().contentType("application/problem+json").header("Retry-After", equalTo("1"));
    }

    private static Response lookup(String code, String verifier) {
        return given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"verifier\":\"" + verifier + "\"}")
                .when().post("/api/v1/dossiers/lookup");
    }
}
