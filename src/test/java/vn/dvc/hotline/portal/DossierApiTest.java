package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class DossierApiTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static String newCode() {
        // The test database outlives a run: codes must not repeat across runs.
        long digits = ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
        return "000.00.99.H31-" + String.valueOf(digits).substring(0, 6) + "-" + String.valueOf(digits).substring(6);
    }

    private static String dossier(String status, String phone, String due) {
        return "{\"procedureCode\":\"1.001193\",\"applicantName\":\"Nguyễn Văn An\",\"applicantPhone\":\"" + phone
                + "\",\"status\":\"" + status + "\",\"currentStep\":\"Thẩm định hồ sơ\","
                + "\"receivedAt\":\"2026-11-02T08:00:00+07:00\""
                + (due == null ? "" : ",\"dueAt\":\"" + due + "T17:00:00+07:00\"") + "}";
    }

    private static ValidatableResponse put(String code, String body) {
        return given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/dossiers/" + code).then();
    }

    private static ValidatableResponse lookup(String code, String verifier) {
        return given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"verifier\":\"" + verifier + "\"}")
                .when().post("/api/v1/dossiers/lookup").then();
    }

    @Test
    void upsertIsIdempotentAndKeepsHistory() {
        String code = newCode();
        String due = LocalDate.now(VIETNAM).plusDays(20).toString();
        put(code, dossier("RECEIVED", "0912 345 678", due)).statusCode(201).body("outcome", equalTo("CREATED"));
        put(code, dossier("RECEIVED", "0912 345 678", due)).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        put(code, dossier("PROCESSING", "0912 345 678", due)).statusCode(200).body("outcome", equalTo("UPDATED"));
        given().header("Authorization", Tokens.portalSync()).when().get("/api/v1/dossiers/" + code).then()
                .statusCode(200)
                .body("keypadCode", equalTo(code.replaceAll("[^0-9]", "")))
                .body("status", equalTo("PROCESSING"))
                .body("history.status", contains("RECEIVED", "PROCESSING"))
                .body(not(containsString("0912")));
    }

    @Test
    void lookupAnswersStatusWorkingDaysAndAMaskedName() {
        String code = newCode();
        LocalDate dueDay = LocalDate.now(VIETNAM).plusDays(30);
        put(code, dossier("PROCESSING", "+84 912 345 678", dueDay.toString())).statusCode(201);
        lookup(code, "5678").statusCode(200)
                .body("status", equalTo("PROCESSING"))
                .body("statusText", equalTo("Đang giải quyết"))
                .body("procedureName", equalTo("Đăng ký khai sinh"))
                .body("currentStep", equalTo("Thẩm định hồ sơ"))
                .body("applicantName", equalTo("N***** V** A*"))
                .body("workingDaysLeft", greaterThanOrEqualTo(15))
                .body("workingDaysOverdue", nullValue())
                .body(not(containsString("Nguyễn")));
        String keypad = code.replaceAll("[^0-9]", "");
        lookup(keypad, "5678").statusCode(200).body("code", equalTo(code));
        lookup(code.toLowerCase(), "5678").statusCode(200);
    }

    @Test
    void overdueDossiersSaySoInWorkingDays() {
        String code = newCode();
        LocalDate due = LocalDate.now(VIETNAM).minusDays(14);
        put(code, dossier("NEEDS_SUPPLEMENT", "0900 000 111", due.toString())).statusCode(201);
        int overdue = lookup(code, "0111").statusCode(200).body("workingDaysLeft", nullValue())
                .extract().path("workingDaysOverdue");
        // 14 calendar days hold at least 6 working days, whatever holidays fall in them.
        assertEquals(true, overdue >= 6 && overdue <= 10, "overdue " + overdue);
    }

    @Test
    void unknownCodeAndWrongVerifierGiveTheSameAnswer() {
        String code = newCode();
        put(code, dossier("RECEIVED", "0987 654 321", null)).statusCode(201);
        String wrongVerifier = lookup(code, "0000").statusCode(404).contentType("application/problem+json")
                .extract().asString();
        String unknownCode = lookup("000.00.00.H00-000000-0000", "4321").statusCode(404).extract().asString();
        assertEquals(unknownCode, wrongVerifier);
        lookup(code, "abcd").statusCode(404);
        given().contentType(ContentType.JSON).body("{\"code\":\"\"}").when().post("/api/v1/dossiers/lookup")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void batchReportsEachItemAndIsIdempotent() {
        String a = newCode();
        String b = newCode();
        String body = "{\"items\":["
                + "{\"code\":\"" + a + "\"," + dossier("RECEIVED", "0911111111", null).substring(1) + ","
                + "{\"code\":\"" + b + "\"," + dossier("COMPLETED", "0922222222", null).substring(1) + ","
                + "{\"code\":\"bad code!\"," + dossier("RECEIVED", "0933333333", null).substring(1) + ","
                + "{\"code\":\"" + newCode() + "\",\"procedureCode\":\"9.999999\",\"applicantName\":\"X\","
                + "\"applicantPhone\":\"0944444444\",\"status\":\"RECEIVED\",\"receivedAt\":\"2026-11-02T08:00:00Z\"},"
                + "{\"code\":\"" + newCode() + "\",\"procedureCode\":\"1.001193\"}"
                + "]}";
        given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/dossiers/batch").then().statusCode(200)
                .body("created", equalTo(2)).body("failed", equalTo(3))
                .body("items", hasSize(5))
                .body("items[0].outcome", equalTo("CREATED"))
                .body("items[2].outcome", equalTo("INVALID")).body("items[2].errors[0].field", equalTo("code"))
                .body("items[3].errors[0].field", equalTo("procedureCode"))
                .body("items[4].errors.field", hasItems("applicantName", "status"));
        given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/dossiers/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(2));
        given().header("Authorization", Tokens.admin()).when().get("/api/v1/dossiers/" + b).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("receivedAt", notNullValue());
    }

    @Test
    void newDossiersNeedAPhoneAndDistinctKeypadCodes() {
        String code = newCode();
        put(code, dossier("RECEIVED", "", null)).statusCode(400).body("errors[0].field", equalTo("applicantPhone"));
        put(code, dossier("RECEIVED", "0955 555 555", null)).statusCode(201);
        String clash = code.replace('.', '-');
        put(clash, dossier("RECEIVED", "0955 555 555", null)).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("keypadCode"));
    }
}
