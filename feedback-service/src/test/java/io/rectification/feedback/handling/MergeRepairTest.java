package io.rectification.feedback.handling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loops and chains of merges that data from before the merge rule (V10) may hold, written here
 * directly in the database as that data was, then repaired: each loop broken where it closed (the
 * member merged last is merged no more), each chain's members merged straight into its end, each
 * change in the history (actor feedback-service) and published; data without them left as it is.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class MergeRepairTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.runningFrom("2026-02-28T16:10:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void loopsAreBrokenWhereTheyClosedAndChainsMergedIntoTheirEnd() throws Exception {
        String publication = Publications.openNow();
        // a loop: a into b, then t into a and b into a, as merges were recorded before the rule
        String a = MergeIntegrityTest.call(publication, "反映河道垃圾清理不及时（一）。");
        String b = MergeIntegrityTest.call(publication, "反映河道垃圾清理不及时（二）。");
        String t = MergeIntegrityTest.call(publication, "反映河道垃圾清理不及时（三）。");
        MergeIntegrityTest.as("li.ganshi").body("{\"category\":\"COMPLAINT\"}").when().post("/feedback/" + b + "/triage")
                .then().statusCode(200);
        mergedBeforeTheRule(a, b, CLOCK.now().minusHours(3));
        mergedBeforeTheRule(t, a, CLOCK.now().minusHours(2));
        mergedBeforeTheRule(b, a, CLOCK.now().minusHours(1));
        // a chain: p into q into r
        String p = MergeIntegrityTest.call(publication, "建议增设公交线路（一）。");
        String q = MergeIntegrityTest.call(publication, "建议增设公交线路（二）。");
        String r = MergeIntegrityTest.call(publication, "建议增设公交线路（三）。");
        MergeIntegrityTest.merge("li.ganshi", q, r).then().statusCode(200);
        mergedBeforeTheRule(p, q, CLOCK.now().minusMinutes(30));

        JsonPath repaired;
        List<EventEnvelope> events;
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            repaired = given().header("X-Actor", "ops-zhao").when().post("/admin/merges/repair").then().statusCode(200)
                    .extract().jsonPath();
            events = List.of(
                    probe.await(e -> b.equals(e.subject()) && "FeedbackTriaged".equals(e.type()), Duration.ofSeconds(30)),
                    probe.await(e -> t.equals(e.subject()) && "FeedbackMerged".equals(e.type()), Duration.ofSeconds(30)),
                    probe.await(e -> p.equals(e.subject()) && "FeedbackMerged".equals(e.type()), Duration.ofSeconds(30)));
        }
        assertEquals(Map.of("feedbackId", b, "was", a, "repair", "UNMERGED", "status", "TRIAGED"),
                withoutNulls(repaired.getMap("repaired.find { it.feedbackId == '" + b + "' }")));
        assertEquals(Map.of("feedbackId", t, "was", a, "repair", "MERGED_INTO_END", "mergedIntoId", b, "status", "MERGED"),
                withoutNulls(repaired.getMap("repaired.find { it.feedbackId == '" + t + "' }")));
        assertEquals(Map.of("feedbackId", p, "was", q, "repair", "MERGED_INTO_END", "mergedIntoId", r, "status", "MERGED"),
                withoutNulls(repaired.getMap("repaired.find { it.feedbackId == '" + p + "' }")));
        assertTrue(repaired.getInt("loopsBroken") >= 1 && repaired.getInt("mergesMovedToTheirEnd") >= 2, repaired.prettify());
        assertEquals(List.of(), repaired.getList("repaired.findAll { it.feedbackId in ['" + a + "', '" + q + "', '"
                + r + "'] }"), "a merge that leads straight to its end is left as it is");

        given().when().get("/feedback/" + b).then().body("status", equalTo("TRIAGED")).body("mergedIntoId", nullValue());
        assertEquals(Map.of(a, b, t, b, p, r, q, r, b, "null", r, "null"), MergeIntegrityTest.mergedInto(a, t, p, q, b, r));
        assertEquals(b, events.get(1).data().path("mergedIntoId").asText());
        assertEquals(r, events.get(2).data().path("mergedIntoId").asText());
        assertEquals("TRIAGED", events.get(0).data().path("feedback").path("status").asText());

        JsonPath history = given().when().get("/feedback/" + b + "/history").then().statusCode(200).extract().jsonPath();
        // its merge undone, then t, merged into a, moved into it
        assertEquals(List.of("MERGE_UNDONE", "DUPLICATE_MERGED_IN"), history.getList("action").subList(
                history.getList("action").size() - 2, history.getList("action").size()));
        assertEquals("feedback-service", history.getString("actor[-2]"));
        assertTrue(history.getString("detail[-2]").contains("looped") && history.getString("detail[-2]").contains("ops-zhao"),
                history.getString("detail[-2]"));
        assertTrue(history.getString("detail[-1]").contains(t), history.getString("detail[-1]"));
        JsonPath moved = given().when().get("/feedback/" + p + "/history").then().extract().jsonPath();
        assertEquals(List.of("feedback-service", "MERGE_MOVED_TO_END"), List.of(moved.getString("actor[-1]"),
                moved.getString("action[-1]")));
        JsonPath end = given().when().get("/feedback/" + r + "/history").then().extract().jsonPath();
        assertEquals("DUPLICATE_MERGED_IN", end.getString("action[-1]"));
        assertTrue(end.getString("detail[-1]").contains(p), end.getString("detail[-1]"));

        // owed an answer again, which a merge may now go into
        MergeIntegrityTest.as("li.ganshi").body("{\"answer\":\"已督促有关单位清理河道垃圾。\"}").when()
                .post("/feedback/" + b + "/answer").then().statusCode(200);

        // Run again: nothing left to repair, nothing changes.
        long version = given().when().get("/feedback/" + p).then().extract().<Integer>path("version");
        given().when().post("/admin/merges/repair").then().statusCode(200)
                .body("loopsBroken", equalTo(0)).body("mergesMovedToTheirEnd", equalTo(0)).body("repaired", equalTo(List.of()));
        assertEquals(version, (long) given().when().get("/feedback/" + p).then().extract().<Integer>path("version"));
    }

    @Test
    void mergesWithoutLoopsOrChainsAreLeftAsTheyAre() {
        String publication = Publications.openNow();
        String duplicate = MergeIntegrityTest.call(publication, "反映菜市场环境脏乱（重复件）。");
        String kept = MergeIntegrityTest.call(publication, "反映菜市场环境脏乱。");
        MergeIntegrityTest.merge("li.ganshi", duplicate, kept).then().statusCode(200);
        int version = given().when().get("/feedback/" + duplicate).then().extract().path("version");

        given().when().post("/admin/merges/repair").then().statusCode(200).body("repaired.feedbackId",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(duplicate)));
        given().when().get("/feedback/" + duplicate).then().body("status", equalTo("MERGED"))
                .body("mergedIntoId", equalTo(kept)).body("version", equalTo(version));
    }

    /** As a merge was recorded before the rule: status, target and the MERGED step, without any check. */
    private void mergedBeforeTheRule(String id, String into, OffsetDateTime at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement merge = connection.prepareStatement(
                     "UPDATE feedback SET status = 'MERGED', merged_into_id = ?, version = version + 1 WHERE id = ?");
             PreparedStatement step = connection.prepareStatement("INSERT INTO feedback_history "
                     + "(feedback_id, at, actor, action, detail) VALUES (?, ?, 'li.ganshi', 'MERGED', ?)")) {
            merge.setObject(1, UUID.fromString(into));
            merge.setObject(2, UUID.fromString(id));
            assertEquals(1, merge.executeUpdate());
            step.setObject(1, UUID.fromString(id));
            step.setObject(2, at);
            step.setString(3, "into " + into);
            step.executeUpdate();
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> entry) {
        assertTrue(entry != null, "repaired");
        Map<String, Object> kept = new java.util.TreeMap<>(entry);
        kept.values().removeIf(java.util.Objects::isNull);
        return kept;
    }
}
