package io.rectification.feedback.handling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.feedback.personal.OldKeyRows;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** POST /feedback/merges: several duplicates into one feedback, all or none, each by the rules of one merge. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class BatchMergeTest {

    @Inject
    AgroalDataSource dataSource;

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

    /**
     * A batch and a single merge crossing (A into T in a batch while T goes into A alone) take turns, with the two
     * ids in another order by {@link UUID#compareTo} than by PostgreSQL's: the batch locks its rows in one statement
     * ordered by the database, the merge its two one by one, both in {@link StaffFeedbackService#LOCK_ORDER}. The
     * row both lock first is held while the batch, then the merge, come to wait for it: in two orders the merge
     * would hold the other row by then, the batch get this one first and wait for the merge's, a deadlock (503).
     *
     * <p>Feedback made now has ids in time order (version 7), on which the two orders agree; feedback received
     * before has random ones (version 4), on which they differ when one id's first bit is set and the other's not.
     * Two such rows are written as an earlier build stored them (anonymous, under the current key).
     */
    @Test
    void aBatchAndASingleMergeCrossingTakeTurns() throws Exception {
        UUID publication = UUID.fromString(Publications.openNow());
        OldKeyRows earlierBuild = new OldKeyRows(dataSource);
        OldKeyRows.Row anonymous = new OldKeyRows.Row("1", null, null, null, null);
        UUID random = UUID.randomUUID();
        UUID firstBitSet = new UUID(random.getMostSignificantBits() | Long.MIN_VALUE, random.getLeastSignificantBits());
        UUID firstBitClear = new UUID(random.getMostSignificantBits() & Long.MAX_VALUE, random.getLeastSignificantBits());
        List<UUID> pair = List.of(
                earlierBuild.insert(firstBitSet, publication, anonymous, "fingerprint-crossing-a", Instant.now()),
                earlierBuild.insert(firstBitClear, publication, anonymous, "fingerprint-crossing-t", Instant.now()));
        assertNotEquals(Integer.signum(pair.get(0).compareTo(pair.get(1))),
                Integer.signum(StaffFeedbackService.LOCK_ORDER.compare(pair.get(0), pair.get(1))));
        String a = pair.get(0).toString();
        String t = pair.get(1).toString();
        String lockedFirst = pair.stream().min(StaffFeedbackService.LOCK_ORDER).orElseThrow().toString();

        List<ExtractableResponse<Response>> answers = HeldRows.whileHeldInTurn(dataSource, List.of(lockedFirst), List.of(
                () -> mergeAll(t, a).extract(),
                () -> asStaff().body("{\"into\":\"" + a + "\"}").when().post("/feedback/" + t + "/merge").then().extract()));

        assertEquals(List.of(200, 409), answers.stream().map(ExtractableResponse::statusCode).toList(),
                answers.stream().map(r -> r.asString()).toList().toString());
        assertEquals("MERGED", status(a));
        assertEquals("RECEIVED", status(t));
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
