package vn.dvc.hotline.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProcedureSearchTest {

    @Test
    void findsAProcedureWithOrWithoutDiacriticsInAnyCase() {
        for (String query : List.of("Đăng ký khai sinh", "dang ky khai sinh", "DANG KY KHAI SINH", "khai sinh dang ky",
                "đăng ky khai sinh")) {
            given().queryParam("q", query).when().get("/api/v1/procedures")
                    .then().statusCode(200).contentType(ContentType.JSON)
                    .body("items[0].code", equalTo("1.001193"))
                    .body("items[0].name", equalTo("Đăng ký khai sinh"));
        }
    }

    @Test
    void everyWordMustMatchAndTheWholePhraseRanksFirst() {
        given().queryParam("q", "ket hon").when().get("/api/v1/procedures").then().statusCode(200)
                .body("items.name", everyItem(containsString("ết hôn")))
                .body("items[0].name", equalTo("Đăng ký kết hôn"));
        given().queryParam("q", "khai sinh xyzzy").when().get("/api/v1/procedures").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void findsByCodeAndKeypadNumber() {
        given().queryParam("q", "1.001193").when().get("/api/v1/procedures").then().statusCode(200)
                .body("items[0].code", equalTo("1.001193"));
        given().queryParam("q", "101").when().get("/api/v1/procedures").then().statusCode(200)
                .body("items[0].keypadNumber", equalTo("101"));
    }

    @Test
    void pagesCoverEveryMatchOnceWithTheTotal() {
        int total = given().queryParam("size", 100).when().get("/api/v1/procedures").then().statusCode(200)
                .extract().path("total");
        assertTrue(total >= 30, "the seed has at least 30 procedures");
        Set<String> seen = new HashSet<>();
        int pages = (total + 6) / 7;
        for (int page = 0; page < pages; page++) {
            List<String> codes = given().queryParam("size", 7).queryParam("page", page)
                    .when().get("/api/v1/procedures").then().statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(7)).body("total", equalTo(total))
                    .extract().path("items.code");
            assertTrue(codes.size() <= 7);
            for (String code : codes) {
                assertTrue(seen.add(code), "code on two pages: " + code);
            }
        }
        assertEquals(total, seen.size());
        given().queryParam("size", 7).queryParam("page", pages + 3).when().get("/api/v1/procedures")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(total));
    }

    @Test
    void filtersByFieldAgencyAndOnTheSpot() {
        given().queryParam("field", "HO_TICH").queryParam("size", 100).when().get("/api/v1/procedures")
                .then().statusCode(200).body("items.fieldCode", everyItem(equalTo("HO_TICH")))
                .body("total", greaterThan(0));
        given().queryParam("onTheSpot", "FIVE").queryParam("size", 100).when().get("/api/v1/procedures")
                .then().statusCode(200).body("items.onTheSpot", everyItem(equalTo("FIVE")))
                .body("total", greaterThanOrEqualTo(1));
        given().queryParam("onTheSpot", "FOUR").queryParam("q", "chung thuc").when().get("/api/v1/procedures")
                .then().statusCode(200).body("items.onTheSpot", everyItem(equalTo("FOUR")));
        given().queryParam("agency", "NO_SUCH_AGENCY").when().get("/api/v1/procedures")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void detailHasEverythingACitizenNeeds() {
        given().when().get("/api/v1/procedures/1.001193").then().statusCode(200)
                .body("name", equalTo("Đăng ký khai sinh"))
                .body("fieldCode", equalTo("HO_TICH"))
                .body("agencyCode", notNullValue())
                .body("onTheSpot", notNullValue())
                .body("processingTime", notNullValue())
                .body("processingDays", notNullValue())
                .body("fees", notNullValue())
                .body("documents.size()", greaterThanOrEqualTo(2))
                .body("documents[0].name", notNullValue())
                .body("steps.size()", greaterThanOrEqualTo(2))
                .body("whereToSubmit", notNullValue())
                .body("legalBasis", notNullValue())
                .body("spokenSummary", notNullValue())
                .body("keypadNumber", equalTo("101"));
    }

    @Test
    void unknownCodeIsAProblem() {
        given().when().get("/api/v1/procedures/9.999999").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404))
                .body("detail", containsString("9.999999"));
    }

    @Test
    void badQueryParametersAreProblemsNamingTheParameter() {
        given().queryParam("size", 0).when().get("/api/v1/procedures").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        given().queryParam("page", -1).when().get("/api/v1/procedures").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        given().queryParam("onTheSpot", "SIX").when().get("/api/v1/procedures").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("onTheSpot"));
    }

    @Test
    void fieldsAndAgenciesAreListedWithCodes() {
        given().when().get("/api/v1/fields").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(6)).body("code", hasItem("HO_TICH"))
                .body("code", not(hasItem((String) null)));
        given().when().get("/api/v1/agencies").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(2)).body("code", everyItem(notNullValue()))
                .body("address", everyItem(notNullValue()));
        given().queryParam("year", 2027).when().get("/api/v1/holidays").then().statusCode(200)
                .body("date", hasItem("2027-09-02"));
    }

    @Test
    void statsOverviewCountsEveryMode() {
        given().when().get("/api/v1/stats/overview").then().statusCode(200)
                .body("proceduresByOnTheSpot.keySet()", contains("NONE", "FOUR", "FIVE"))
                .body("dossiersByStatus.RECEIVED", greaterThan(0))
                .body("onTimeRate", notNullValue());
    }
}
