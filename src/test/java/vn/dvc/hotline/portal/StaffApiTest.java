package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class StaffApiTest {

    private static String newCode() {
        return "T." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String procedure(String code, String extra) {
        return "{\"code\":\"" + code + "\",\"name\":\"Cấp bản sao trích lục thử nghiệm\",\"fieldCode\":\"HO_TICH\""
                + extra + "}";
    }

    @Test
    void writesNeedAToken() {
        given().contentType(ContentType.JSON).body(procedure(newCode(), "")).when().post("/api/v1/procedures")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON)
                .body(procedure(newCode(), "")).when().post("/api/v1/procedures")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void writesNeedTheRightGroup() {
        given().header("Authorization", Tokens.portalSync()).contentType(ContentType.JSON)
                .body(procedure(newCode(), "")).when().post("/api/v1/procedures")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"procedureCode\":\"1.001193\",\"applicantName\":\"A\",\"applicantPhone\":\"0900000000\","
                        + "\"status\":\"RECEIVED\",\"receivedAt\":\"2026-11-02T08:00:00+07:00\"}")
                .when().put("/api/v1/dossiers/T-403").then().statusCode(403);
        given().header("Authorization", Tokens.editor()).when().get("/api/v1/dossiers/T-403").then().statusCode(403);
    }

    @Test
    void createReadReplacePatchDelete() {
        String code = newCode();
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(procedure(code, ",\"onTheSpot\":\"FOUR\",\"processingDays\":0,"
                        + "\"documents\":[{\"name\":\"Tờ khai\",\"copies\":1,\"form\":null}],\"steps\":[\"Nộp\"]"))
                .when().post("/api/v1/procedures").then().statusCode(201)
                .header("Location", containsString("/api/v1/procedures/" + code))
                .body("keypadNumber", matchesPattern("[0-9]{3,6}"))
                .body("onTheSpot", equalTo("FOUR"));
        given().when().get("/api/v1/procedures/" + code).then().statusCode(200)
                .body("documents[0].name", equalTo("Tờ khai")).body("steps[0]", equalTo("Nộp"));
        given().queryParam("q", "trich luc thu nghiem").when().get("/api/v1/procedures").then().statusCode(200)
                .body("items.code", hasItem(code));

        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(procedure(code, ",\"fees\":\"10.000 đồng\""))
                .when().put("/api/v1/procedures/" + code).then().statusCode(200)
                .body("fees", equalTo("10.000 đồng")).body("onTheSpot", equalTo("NONE"))
                .body("keypadNumber", notNullValue());

        given().header("Authorization", Tokens.admin()).contentType("application/merge-patch+json")
                .body("{\"fees\":null,\"processingDays\":3}")
                .when().patch("/api/v1/procedures/" + code).then().statusCode(200)
                .body("fees", nullValue()).body("processingDays", equalTo(3))
                .body("name", equalTo("Cấp bản sao trích lục thử nghiệm"));
        given().header("Authorization", Tokens.admin()).contentType("application/merge-patch+json")
                .body("{\"name\":\"\"}")
                .when().patch("/api/v1/procedures/" + code).then().statusCode(400)
                .body("errors.field", hasItem("name"));

        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/procedures/" + code)
                .then().statusCode(204);
        given().when().get("/api/v1/procedures/" + code).then().statusCode(404);
        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/procedures/" + code)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void putCreatesWhenAbsentAndTheCodeMustMatchThePath() {
        String code = newCode();
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(procedure(code, ""))
                .when().put("/api/v1/procedures/" + code).then().statusCode(201);
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(procedure(code, ""))
                .when().put("/api/v1/procedures/OTHER").then().statusCode(400).body("errors.field", hasItem("code"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON).body(procedure(code, ""))
                .when().post("/api/v1/procedures").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void keypadNumbersAreUnique() {
        String code = newCode();
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(procedure(code, ",\"keypadNumber\":\"101\""))
                .when().post("/api/v1/procedures").then().statusCode(409)
                .body("detail", containsString("1.001193"));
    }

    @Test
    void invalidBodiesGetFieldLevelProblems() {
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"code\":\"\",\"documents\":[{\"name\":\"\"}],\"processingDays\":-1}")
                .when().post("/api/v1/procedures").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dvc-hotline:problem:invalid-input"))
                .body("errors.field", hasItems("code", "name", "fieldCode", "documents[0].name", "processingDays"))
                .body(not(containsString("Exception")));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(procedure(newCode(), ",\"onTheSpot\":\"SIX\""))
                .when().post("/api/v1/procedures").then().statusCode(400)
                .body("errors[0].field", equalTo("onTheSpot")).body("errors[0].message", containsString("FOUR"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(procedure(newCode(), ",\"colour\":\"red\""))
                .when().post("/api/v1/procedures").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"code\": ")
                .when().post("/api/v1/procedures").then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body(procedure(newCode(), "").replace("HO_TICH", "NO_SUCH_FIELD"))
                .when().post("/api/v1/procedures").then().statusCode(400).body("errors[0].field", equalTo("fieldCode"));
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        // Announce a body over the 5 MB limit and send none: the answer must come from the announcement alone
        // (sending it all would race the server closing the connection).
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            String request = "POST /api/v1/procedures HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + Tokens.editor() + "\r\nContent-Length: " + (6 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 413"), "status line: " + statusLine);
        }
    }

    @Test
    void referenceDataWrites() {
        String field = "TF_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + field + "\",\"name\":\"Lĩnh vực thử\"}")
                .when().post("/api/v1/fields").then().statusCode(201);
        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + field + "\",\"name\":\"Lĩnh vực thử (đổi tên)\"}")
                .when().put("/api/v1/fields/" + field).then().statusCode(200).body("name", containsString("đổi tên"));
        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/fields/HO_TICH")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/fields/" + field)
                .then().statusCode(204);

        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"code\":\"TA_1\",\"name\":\"Cơ quan thử\",\"openingHours\":[{\"days\":[\"MONDAY\"],"
                        + "\"open\":\"11:00\",\"close\":\"07:00\"}]}")
                .when().put("/api/v1/agencies/TA_1").then().statusCode(400)
                .body("errors[0].field", equalTo("openingHours[0]"));

        given().header("Authorization", Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"date\":\"2031-05-05\",\"name\":\"Ngày nghỉ thử\"}")
                .when().put("/api/v1/holidays/2031-05-05").then().statusCode(201);
        given().queryParam("year", 2031).when().get("/api/v1/holidays").then().statusCode(200)
                .body("date", hasItem("2031-05-05"));
        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/holidays/2031-05-05")
                .then().statusCode(204);
        given().header("Authorization", Tokens.editor()).when().delete("/api/v1/holidays/not-a-date")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
    }
}
