package vn.dvc.hotline.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;

@QuarkusTest
class OperationsEndpointsTest {

    @Inject
    Vertx vertx;

    @Test
    void vertxRunsOnTheNativeEpollTransportOnLinux() {
        assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")),
                "the native transport shipped is linux-x86_64");
        assertTrue(vertx.isNativeTransportEnabled(), "epoll: fewer system calls per RTP packet");
    }

    @Test
    void vertxHasTwoEventLoopsPerCoreAsItsOwnDefaultNotQuarkusOne() {
        int loops = 0;
        for (var loop : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), loops);
    }

    @Test
    void livenessChecksNoDatabaseReadinessDoes() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body(not(containsString("PostgreSQL")));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/api/v1/fields").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDocumentsTheApiWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/procedures'.get.summary", equalTo("Search procedures"))
                .body("paths.'/api/v1/dossiers/lookup'.post", notNullValue())
                .body("components.schemas.Procedure.properties.code.toString()", containsString("1.001193"))
                .body("components.schemas.Problem", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
