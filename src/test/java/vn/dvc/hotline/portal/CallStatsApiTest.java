package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The staff statistics over a period of their own (an hour in 2020, which no other test writes into): exact figures
 * from known call records and ratings, roles, and problem+json for bad periods.
 */
@QuarkusTest
class CallStatsApiTest {

    private static final String FROM = "2020-01-01T00:00:00Z";
    private static final String TO = "2020-01-01T02:00:00Z";

    @Inject
    Pool pool;

    @BeforeEach
    void knownCalls() {
        pool.query("DELETE FROM call_record WHERE started_at >= '" + FROM + "' AND started_at < '" + TO + "'")
                .execute().await().atMost(Duration.ofSeconds(10));
        // Two calls in the first hour, one in the second; 1.001193 heard twice, one lookup of each outcome.
        call("00:10", "[{\"node\":\"root\",\"digits\":\"1\",\"at\":\"2020-01-01T00:10:05Z\"}]", "[\"1.001193\"]",
                "[]", 5, "1.001193");
        call("00:40", "[{\"node\":\"root\",\"digits\":\"1\",\"at\":\"2020-01-01T00:40:05Z\"},"
                + "{\"node\":\"root\",\"digits\":\"2\",\"at\":\"2020-01-01T00:41:00Z\"}]",
                "[\"1.001193\", \"1.004222\"]", "[{\"dossier\":\"123456\",\"outcome\":\"NOT_FOUND\",\"at\":\"2020-01-01T00:42:00Z\"},"
                        + "{\"dossier\":\"X-1\",\"outcome\":\"FOUND\",\"at\":\"2020-01-01T00:43:00Z\"}]", 2, "1.004222");
        call("01:05", "[{\"node\":\"root\",\"digits\":\"2\",\"at\":\"2020-01-01T01:05:05Z\"}]", "[]",
                "[{\"dossier\":\"654321\",\"outcome\":\"THROTTLED\",\"at\":\"2020-01-01T01:06:00Z\"}]", null, null);
    }

    private void call(String time, String path, String procedures, String lookups, Integer score, String rated) {
        String id = "stats-" + UUID.randomUUID();
        OffsetDateTime started = OffsetDateTime.parse("2020-01-01T" + time + ":00Z");
        pool.preparedQuery("INSERT INTO call_record (call_id, trunk_address, started_at, answered_at, ended_at,"
                + " end_reason, menu_path, procedures, lookups) VALUES ($1, '127.0.0.1', $2, $2, $3, 'CALLER_HANGUP',"
                + " $4::text::jsonb, $5::text::jsonb, $6::text::jsonb)")
                .execute(Tuple.of(id, started, started.plusMinutes(3), path, procedures, lookups))
                .await().atMost(Duration.ofSeconds(10));
        if (score != null) {
            pool.preparedQuery("INSERT INTO rating (call_id, score, procedure_code, rated_at) VALUES ($1, $2, $3, $4)")
                    .execute(Tuple.of(id, score.shortValue(), rated, started.plusMinutes(2)))
                    .await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void callFiguresOfThePeriod() {
        given().header("Authorization", Tokens.editor()).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/api/v1/stats/calls").then().statusCode(200)
                .body("calls", equalTo(3)).body("answered", equalTo(3))
                .body("perHour.hour", equalTo(List.of("2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z")))
                .body("perHour.calls", equalTo(List.of(2, 1)))
                .body("menuChoices[0].node", equalTo("root")).body("menuChoices[0].digits", equalTo("1"))
                .body("menuChoices[0].count", equalTo(2))
                .body("menuChoices[1].digits", equalTo("2")).body("menuChoices[1].count", equalTo(2))
                .body("procedures.code", equalTo(List.of("1.001193", "1.004222")))
                .body("procedures.calls", equalTo(List.of(2, 1)))
                .body("procedures[0].name", equalTo("Đăng ký khai sinh"))
                .body("lookups.FOUND", equalTo(1)).body("lookups.NOT_FOUND", equalTo(1))
                .body("lookups.THROTTLED", equalTo(1))
                .body("ratings.count", equalTo(2)).body("ratings.average", equalTo(3.5f));
    }

    @Test
    void ratingFiguresOfThePeriod() {
        given().header("Authorization", Tokens.admin()).queryParam("from", FROM).queryParam("to", TO)
                .when().get("/api/v1/stats/ratings").then().statusCode(200)
                .body("summary.count", equalTo(2)).body("summary.average", equalTo(3.5f))
                .body("summary.byScore.5", equalTo(1)).body("summary.byScore.2", equalTo(1))
                .body("summary.byScore.1", equalTo(0))
                .body("byProcedure.procedureCode", equalTo(List.of("1.001193", "1.004222")));
    }

    @Test
    void anEmptyPeriodHasNoAverage() {
        given().header("Authorization", Tokens.editor()).queryParam("from", "2019-01-01T00:00:00Z")
                .queryParam("to", "2019-01-02T00:00:00Z").when().get("/api/v1/stats/ratings").then().statusCode(200)
                .body("summary.count", equalTo(0)).body("summary.average", nullValue());
    }

    @Test
    void staffOnly() {
        given().when().get("/api/v1/stats/calls").then().statusCode(401);
        given().header("Authorization", Tokens.portalSync()).when().get("/api/v1/stats/ratings").then().statusCode(403);
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/stats/calls").then().statusCode(200);
    }

    @Test
    void badPeriodsAreProblems() {
        bad("not-a-date", TO, "from");
        bad(TO, FROM, "from");
        bad(FROM, FROM, "from");
        bad("2020-01-01T00:00:00Z", "2021-06-01T00:00:00Z", "366");
    }

    private static void bad(String from, String to, String detail) {
        given().header("Authorization", Tokens.editor()).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/stats/calls").then().statusCode(400).contentType("application/problem+json")
                .body(containsString(detail));
    }
}
