package vn.dvc.hotline.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** With espeak-ng installed (as in CI), readiness says so. */
@QuarkusTest
class SpeechHealthTest {

    @Test
    void readinessReportsEspeakAndThePrompts() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'speech' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'speech' }.data.espeak-ng", startsWith("available (eSpeak NG"))
                .body("checks.find { it.name == 'speech' }.data.prompts-without-audio", equalTo(0));
    }
}
