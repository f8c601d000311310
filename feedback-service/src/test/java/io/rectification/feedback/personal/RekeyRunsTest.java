package io.rectification.feedback.personal;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.time.InstantText;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rekey runs are the database's record (personal_data_rekey, V11), not an instance's memory:
 * another instance, or this one restarted, tells a run the same and refuses a second while it goes;
 * a run whose instance stopped is told FAILED after feedback.personal-data.rekey.stale-after (30 s)
 * and the next goes on where it stopped; two POSTs at once meet on the one-RUNNING index.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class RekeyRunsTest {

    static final PersonalDataCipher OLD = OldKeyRows.OLD;

    @Inject
    DataSource dataSource;

    @Inject
    RekeyProgress progress;

    @Inject
    PersonalDataRekey rekey;

    @Inject
    Clock clock;

    @Inject
    InstantText instants;

    OldKeyRows rows;
    Instant now;
    final List<UUID> recorded = new ArrayList<>();

    @BeforeEach
    void frozenClockAndNoOtherRun() {
        rows = new OldKeyRows(dataSource);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AdjustableClock.pinAt(now);
        // another test class may have started a run, or left rows under the old key; this test counts its own
        PersonalDataRekeyTest.awaitNoRunGoing();
        given().post("/admin/personal-data/rekey").then().statusCode(202);
        PersonalDataRekeyTest.awaitNoRunGoing();
    }

    @AfterEach
    void cleanUp() throws SQLException {
        AdjustableClock.release();
        rows.deleteAll();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM personal_data_rekey WHERE id = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", recorded.toArray()));
            delete.executeUpdate();
        }
    }

    @Test
    void aRunGoingOnAnotherInstanceIsToldHereAndRefusesASecond() throws Exception {
        UUID elsewhere = beginElsewhere(900);
        AdjustableClock.pinAt(now.plusSeconds(10));
        recordBatch(elsewhere, new PersonalDataRekey.Batch(300, 290, 4, 1, 5, null, PersonalDataRekey.FIRST));

        // an instance that never saw the run (a restart, the other instance behind the gateway) tells it from the table
        RekeyProgress.Status restarted = new RekeyProgress(dataSource, clock, Duration.ofSeconds(30), instants).latest()
                .orElseThrow();
        assertEquals(elsewhere, restarted.id());
        assertEquals(RekeyProgress.State.RUNNING, restarted.state());
        assertEquals(300, restarted.rowsDone());
        given().when().get("/admin/personal-data/rekey").then().statusCode(200)
                .body("id", equalTo(elsewhere.toString())).body("state", equalTo("RUNNING"))
                .body("startedBy", equalTo("ops-zhao")).body("startedAt", equalTo(instants.format(now)))
                .body("heartbeatAt", equalTo(instants.format(now.plusSeconds(10))))
                .body("toKeyId", equalTo("1")).body("fromKeyIds", equalTo(List.of("0")))
                .body("rowsToRekey", equalTo(900)).body("rowsDone", equalTo(300)).body("rekeyed", equalTo(290))
                .body("withinWindow", equalTo(4)).body("changedMeanwhile", equalTo(1)).body("unopened", equalTo(5));
        given().when().post("/admin/personal-data/rekey").then().statusCode(409)
                .contentType("application/problem+json")
                .body("rekey", equalTo(elsewhere.toString())).body("rowsDone", equalTo(300))
                .body("rowsToRekey", equalTo(900)).body("detail", containsString("ops-zhao"));
        assertEquals("RUNNING", recordedState(elsewhere));
    }

    /** Silent for 30 s is still RUNNING; a second more, FAILED, and the next run may start (and records it so). */
    @Test
    void aRunWhoseInstanceStoppedIsToldInterruptedAndNoLongerHoldsTheNextBack() throws Exception {
        UUID stopped = beginElsewhere(900);
        AdjustableClock.pinAt(now.plusSeconds(10));
        recordBatch(stopped, new PersonalDataRekey.Batch(300, 300, 0, 0, 0, null, PersonalDataRekey.FIRST));
        AdjustableClock.pinAt(now.plusSeconds(40));
        given().when().get("/admin/personal-data/rekey").then().body("state", equalTo("RUNNING"));
        given().when().post("/admin/personal-data/rekey").then().statusCode(409);

        AdjustableClock.pinAt(now.plusSeconds(41));
        given().when().get("/admin/personal-data/rekey").then().statusCode(200)
                .body("id", equalTo(stopped.toString())).body("state", equalTo("FAILED"))
                .body("finishedAt", equalTo(instants.format(now.plusSeconds(10))))
                .body("detail", containsString("the instance running it stopped")).body("rowsDone", equalTo(300));
        assertEquals("RUNNING", recordedState(stopped), "told so, recorded by the next run");
        String next = given().when().post("/admin/personal-data/rekey").then().statusCode(202).extract().path("id");
        assertEquals("FAILED", recordedState(stopped));
        PersonalDataRekeyTest.awaitDone(next);
        // Had its instance only paused, its next batch finds the run no longer its own, and rolls back.
        try (Connection connection = dataSource.getConnection()) {
            assertFalse(progress.add(connection, stopped, new PersonalDataRekey.Batch(1, 1, 0, 0, 0, null, "x")));
        }
    }

    /**
     * Two POSTs released at once by a barrier, while the winner's run is held on a row's lock so that it
     * is still RUNNING whenever the other claims: one 202, one 409 naming the winner, every time.
     */
    @Test
    void twoRunsStartedAtOnceOneWins() throws Exception {
        UUID publication = UUID.fromString(Publications.openNow());
        ExecutorService posts = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                UUID row = rows.insert(null, publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, null,
                        OLD.seal("phone", "1360000000" + round), null, null), "fingerprint-race-" + round,
                        now.minus(Duration.ofHours(1)));
                try (Connection holder = dataSource.getConnection()) {
                    holder.setAutoCommit(false);
                    try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM feedback WHERE id = ? FOR UPDATE")) {
                        lock.setObject(1, row);
                        lock.executeQuery().close();
                    }
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<Response>> answers = new ArrayList<>();
                    for (String actor : List.of("ops-zhao", "ops-qian")) {
                        answers.add(posts.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            return given().header("X-Actor", actor).when().post("/admin/personal-data/rekey");
                        }));
                    }
                    List<Response> sorted = new ArrayList<>();
                    for (Future<Response> answer : answers) {
                        sorted.add(answer.get(60, TimeUnit.SECONDS));
                    }
                    sorted.sort(Comparator.comparingInt(Response::statusCode));
                    assertEquals(List.of(202, 409), sorted.stream().map(Response::statusCode).toList(), "round " + round);
                    String winner = sorted.get(0).path("id");
                    assertEquals(winner, sorted.get(1).path("rekey"), "the 409 names the run going");
                    given().when().get("/admin/personal-data/rekey").then()
                            .body("id", equalTo(winner)).body("state", equalTo("RUNNING"));
                    holder.rollback();
                    PersonalDataRekeyTest.awaitDone(winner).body("rekeyed", equalTo(1));
                }
                assertEquals("1", rows.column(row, "personal_key_id"));
            }
            assertEquals(0L, count("SELECT count(*) FROM personal_data_rekey WHERE state = 'RUNNING'"));
        } finally {
            posts.shutdownNow();
        }
    }

    /** A run stopped midway: what it committed stays done, and the next run takes only the rest. */
    @Test
    void theNextRunGoesOnWhereAnInterruptedOneStopped() throws Exception {
        UUID publication = UUID.fromString(Publications.openNow());
        List<UUID> old = new ArrayList<>();
        for (String phone : List.of("13500000001", "13500000002", "13500000003")) {
            old.add(rows.insert(null, publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, null,
                    OLD.seal("phone", phone), null, null), "fingerprint-resume-" + phone, now.minus(Duration.ofHours(1))));
        }
        UUID interrupted = beginElsewhere(3);
        recordBatch(interrupted, rekey.rekeyBatch(OldKeyRows.PREVIOUS_ID, PersonalDataRekey.FIRST, 1));
        given().when().get("/admin/personal-data/rekey").then().body("rowsDone", equalTo(1));
        given().when().get("/admin/personal-data/keys").then().body("rowsToRekey", equalTo(2));

        AdjustableClock.pinAt(now.plusSeconds(31));
        String next = given().header("X-Actor", "ops-qian").when().post("/admin/personal-data/rekey").then()
                .statusCode(202).body("rowsToRekey", equalTo(2)).extract().path("id");
        PersonalDataRekeyTest.awaitDone(next).body("rekeyed", equalTo(2)).body("rowsDone", equalTo(2))
                .body("startedBy", equalTo("ops-qian"));
        assertEquals("FAILED", recordedState(interrupted));
        for (UUID id : old) {
            assertEquals("1", rows.column(id, "personal_key_id"));
        }
        given().when().get("/admin/personal-data/keys").then().body("rowsToRekey", equalTo(0));
    }

    /** A run begun as another instance would: its record only, no run in this instance. */
    private UUID beginElsewhere(long rowsToRekey) {
        UUID id = UUID.randomUUID();
        recorded.add(id);
        progress.begin(new PersonalDataRekey.Started(id, "1", List.of(OldKeyRows.PREVIOUS_ID), rowsToRekey), "ops-zhao");
        return id;
    }

    private void recordBatch(UUID run, PersonalDataRekey.Batch batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(progress.add(connection, run, batch));
        }
    }

    private String recordedState(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state FROM personal_data_rekey WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet found = select.executeQuery()) {
                assertTrue(found.next(), "run " + id + " recorded");
                return found.getString(1);
            }
        }
    }

    private long count(String query) throws SQLException {
        return Counts.of(dataSource, query);
    }
}
