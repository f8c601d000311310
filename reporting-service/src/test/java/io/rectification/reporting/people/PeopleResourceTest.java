package io.rectification.reporting.people;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The staff's display names for the console (the test directory: application.properties, %test). */
@QuarkusTest
class PeopleResourceTest {

    @Test
    void staffReadEveryonesNameAndUnitButNoAddress() {
        String officer = TestTokens.tokenInUnit("people-officer", "通知测试局", "officer");
        JsonPath names = given().auth().oauth2(officer).when().get("/people")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> people = names.getList("$");
        assertEquals(Map.of("username", "notice-officer", "displayName", "李科长（通知测试局）", "unit", "通知测试局"),
                people.stream().filter(p -> "notice-officer".equals(p.get("username"))).findFirst().orElseThrow());
        // without a name in the directory: the username, never an invented name
        assertEquals("notice-zhengban", people.stream().filter(p -> "notice-zhengban".equals(p.get("username")))
                .findFirst().orElseThrow().get("displayName"));
        List<String> usernames = names.getList("username");
        assertEquals(usernames.stream().sorted().toList(), usernames, "by username");
        assertFalse(names.prettify().contains("@test.local"), "no e-mail address");
    }

    @Test
    void aDashboardOrTheAnonymousPublicReadNoNames() {
        given().when().get("/people").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("wall", "dashboard-viewer")).when().get("/people").then().statusCode(403);
    }
}
