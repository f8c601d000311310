package io.rectification.feedback.handling;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /feedback/merges: several duplicates into one feedback, all or none, each by the rules of one merge. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class BatchMergeTest {

    private static RequestSpecification asStaff() {
        return given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi");
    }

    private static String record(String publication, String text) {
        return asStaff().body("""
                        {"publicationId":"%s","channel":"POST","receivedOn":"%s","text":"%s"}"""
                        .formatted(publication, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), text))
                .when().post("/feedback").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse mergeAll(String into, String... feedback) {
        String ids = java.util.Arrays.stream(feedback).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return asStaff().body("{\"into\":\"" + into + "\",\"feedback\":[" + ids + "]}").when().post("/feedback/merges").then();
    }

    private static String status(String id) {
        return given().get("/feedback/" + id).then().extract().path("status");
    }

    @Test
    void severalDuplicatesAreMergedIntoOneInOneRequest() {
        String publication = Publications.openNow();
        String original = record(publication, "反映加装电梯审批拖延。");
        String a = record(publication, "加装电梯审批拖延（第二封）。");
        String b = record(publication, "加装电梯审批拖延（第三封）。");
        String c = record(publication, "加装电梯审批拖延（第四封）。");
        mergeAll(original, a, b, c).statusCode(200)
                .body("merged.id", contains(a, b, c))
                .body("merged.status", everyItem(equalTo("MERGED")))
                .body("merged.mergedIntoId", everyItem(equalTo(original)));
        List<String> came = given().get("/feedback/" + original + "/history").then().extract()
                .path("findAll { it.action == 'DUPLICATE_MERGED_IN' }.detail");
        assertEquals(3, came.size());
        // merged ones take no second merge; the original takes no merge of its own now
        mergeAll(original, a).statusCode(409).body("errors.field", hasItem("feedback[0]"));
        String other = record(publication, "另一件。");
        mergeAll(other, original).statusCode(409).body("errors.field", hasItem("feedback[0]"));
    }

    @Test
    void oneRefusedMergesNoneAndTheRefusalNamesIt() {
        String publication = Publications.openNow();
        String original = record(publication, "反映供暖费退费迟迟未办。");
        String fine = record(publication, "供暖费退费（第二次来信）。");
        String closed = record(publication, "供暖费退费（已办结）。");
        asStaff().body("{\"reason\":\"重复\"}").post("/feedback/" + closed + "/close").then().statusCode(200);
        mergeAll(original, fine, closed).statusCode(409).body("errors.field", hasItem("feedback[1]"));
        assertEquals("RECEIVED", status(fine), "all or none: the first is not merged either");
        // the request's own mistakes, each named
        mergeAll(original, fine, original).statusCode(400).body("errors.field", hasItem("feedback[1]"));
        mergeAll(original, fine, fine).statusCode(400).body("errors.field", hasItem("feedback[1]"));
        mergeAll(original, fine, UUID.randomUUID().toString()).statusCode(400).body("errors.field", hasItem("feedback[1]"));
        mergeAll(UUID.randomUUID().toString(), fine).statusCode(400).body("errors.field", hasItem("into"));
        String elsewhere = record(Publications.openNow(), "另一公布的来信。");
        mergeAll(original, elsewhere).statusCode(400).body("errors.field", hasItem("feedback[0]"));
        // the target's own state names into: closed without an answer
        mergeAll(closed, fine).statusCode(409).body("errors.field", hasItem("into"));
        String[] tooMany = Collections.nCopies(101, fine).toArray(String[]::new);
        mergeAll(original, tooMany).statusCode(400).body("errors.field", hasItem("feedback"));
        asStaff().body("{\"into\":\"" + original + "\",\"feedback\":[]}").post("/feedback/merges").then().statusCode(400)
                .body("errors.field", hasItem("feedback"));
        assertEquals("RECEIVED", status(fine));
    }
}
