package io.rectification.feedback.personal;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The rekey run on the real database, beside a service that goes on taking submissions: every row
 * under the previous key (and the rows from before keys had ids) ends under the current key with the
 * same contact details, its pseudonyms cleared, except a row still within the duplicate window,
 * which the next run takes once it is out.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PersonalDataRekeyTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final PersonalDataCipher OLD = OldKeyRows.OLD;

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    PersonalDataRekey rekey;

    OldKeyRows rows;
    Instant now;

    @BeforeEach
    void frozenClockAndNoOtherRun() {
        rows = new OldKeyRows(dataSource);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AdjustableClock.pinAt(now);
        // another test class (the access matrix) may have started a run; this test counts its own
        awaitNoRunGoing();
        given().post("/admin/personal-data/rekey").then().statusCode(202);
        awaitNoRunGoing();
    }

    @AfterEach
    void cleanUp() throws SQLException {
        AdjustableClock.release();
        rows.deleteAll();
    }

    @Test
    void theRunReSealsEveryRowUnderAnOldKeyAndLeavesThoseWithinTheWindowForTheNext() throws Exception {
        UUID publication = UUID.fromString(Publications.openNow());
        UUID sealed = rows.insert(null, publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, OLD.seal("name", "欧阳锋"),
                OLD.seal("phone", "13812345678"), OLD.pseudonym("client", "10.9.8.7"),
                OLD.pseudonym("submission-key", "form-key-of-22-chars-x")), "fingerprint-a", now.minus(Duration.ofHours(2)));
        UUID legacy = rows.insert(null, publication, new OldKeyRows.Row(Keyring.LEGACY, null,
                LegacySeal.seal(OldKeyRows.PREVIOUS, "phone", "13900001111"), OLD.pseudonym("client", "10.9.8.6"), null),
                "fingerprint-b", now.minus(Duration.ofHours(3)));
        UUID anonymous = rows.insert(null, publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, null, null,
                OLD.pseudonym("client", "10.9.8.5"), null), "fingerprint-c", now.minus(Duration.ofHours(1)));
        Instant recent = now.minus(Duration.ofMinutes(5));
        UUID withinWindow = rows.insert(null, publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, null,
                OLD.seal("phone", "13700002222"), OLD.pseudonym("client", "10.9.8.4"), null), "fingerprint-d", recent);

        given().when().get("/admin/personal-data/keys").then().statusCode(200)
                .body("currentKeyId", equalTo("1")).body("previousKeyIds", equalTo(List.of("0")))
                .body("rowsToRekey", equalTo(4));
        String run = given().header("X-Actor", "ops-zhao").when().post("/admin/personal-data/rekey").then().statusCode(202)
                .header("Location", endsWith("/admin/personal-data/rekey"))
                .body("toKeyId", equalTo("1")).body("fromKeyIds", containsInAnyOrder("0", "legacy"))
                .body("rowsToRekey", equalTo(4)).extract().path("id");
        ValidatableResponse done = awaitDone(run);
        done.body("startedBy", equalTo("ops-zhao")).body("rekeyed", equalTo(3)).body("withinWindow", equalTo(1))
                .body("changedMeanwhile", equalTo(0)).body("unopened", equalTo(0));
        assertEquals(recent.plus(Duration.ofMinutes(30)),
                OffsetDateTime.parse(done.extract().path("runAgainAfter")).toInstant(), "when the last one leaves the window");

        assertUnderTheCurrentKey(sealed, "欧阳锋", "13812345678");
        assertUnderTheCurrentKey(legacy, null, "13900001111");
        assertNull(rows.column(anonymous, "personal_key_id"), "nothing left to protect");
        assertNull(rows.column(anonymous, "client_key"));
        assertEquals(OldKeyRows.PREVIOUS_ID, rows.column(withinWindow, "personal_key_id"));
        assertEquals(OLD.pseudonym("client", "10.9.8.4"), rows.column(withinWindow, "client_key"),
                "still matched by the duplicate look-up");
        given().when().get("/admin/personal-data/keys").then().body("rowsToRekey", equalTo(1))
                .body("rowsUnderOtherKeys.keyId", equalTo(List.of("0"))).body("rowsUnderOtherKeys.rows", equalTo(List.of(1)));
        given().header("X-Test-Roles", "supervisor").when().get("/audit/PersonalDataRekey/" + run).then().statusCode(200)
                .body("action", hasItem("PersonalDataRekeyStarted")).body("actor", hasItem("ops-zhao"))
                .body(not(containsString("13812345678")));

        // Once its window is over (after its last instant, which a duplicate still matches), the next run takes it.
        AdjustableClock.pinAt(recent.plus(Duration.ofMinutes(30)));
        String tooSoon = given().when().post("/admin/personal-data/rekey").then().statusCode(202).extract().path("id");
        awaitDone(tooSoon).body("rekeyed", equalTo(0)).body("withinWindow", equalTo(1));
        AdjustableClock.pinAt(recent.plus(Duration.ofMinutes(30)).plusSeconds(1));
        String next = given().when().post("/admin/personal-data/rekey").then().statusCode(202).extract().path("id");
        awaitDone(next).body("rekeyed", equalTo(1)).body("withinWindow", equalTo(0));
        assertUnderTheCurrentKey(withinWindow, null, "13700002222");
        given().when().get("/admin/personal-data/keys").then().body("rowsToRekey", equalTo(0))
                .body("rowsUnderOtherKeys", equalTo(List.of()));
    }

    @Test
    void rowsWrittenWhileARunGoesStayCorrect() throws Exception {
        UUID publication = UUID.fromString(Publications.openNow());
        java.util.Map<UUID, String> phones = new java.util.TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (String phone : List.of("13600000001", "13600000002", "13600000003")) {
            phones.put(rows.insert(null, publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, null,
                    OLD.seal("phone", phone), OLD.pseudonym("client", phone), null), "fingerprint-" + phone,
                    now.minus(Duration.ofHours(1))), phone);
        }
        // in PostgreSQL's order of uuids, which is their text's
        List<UUID> old = List.copyOf(phones.keySet());

        PersonalDataRekey.Batch first = rekey.rekeyBatch(OldKeyRows.PREVIOUS_ID, PersonalDataRekey.FIRST, 1);
        assertEquals(old.get(0).toString(), first.last());
        assertEquals(1, first.rekeyed());
        // Meanwhile: a submission on the form, sealed under the current key, and a row an instance still
        // on the old key writes behind the run's position.
        String address = Clients.newAddress();
        String code = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .header("X-Test-Anonymous", "true")
                .body("{\"text\":\"轮换密钥期间提交的意见。\",\"phone\":\"13600000009\"}")
                .when().post("/publications/" + publication + "/feedback").then().statusCode(201).extract().path("trackingCode");
        UUID behind = rows.insert(UUID.fromString("00000000-0000-4000-8000-" + UUID.randomUUID().toString().substring(24)),
                publication, new OldKeyRows.Row(OldKeyRows.PREVIOUS_ID, null, OLD.seal("phone", "13600000004"), null, null),
                "fingerprint-late", now.minus(Duration.ofHours(1)));
        String after = first.last();
        int rekeyed = first.rekeyed();
        while (after != null) {
            PersonalDataRekey.Batch batch = rekey.rekeyBatch(OldKeyRows.PREVIOUS_ID, after, 1);
            rekeyed += batch.rekeyed();
            after = batch.read() < 1 ? null : batch.last();
        }

        assertEquals(3, rekeyed);
        for (UUID id : old) {
            assertUnderTheCurrentKey(id, null, phones.get(id));
        }
        UUID submitted = idOf(code);
        assertEquals("1", rows.column(submitted, "personal_key_id"));
        assertEquals("13600000009", cipher.open("phone", (byte[]) rows.column(submitted, "phone_sealed")));
        assertEquals(cipher.pseudonym("client", address), rows.column(submitted, "client_key"),
                "its pseudonym kept: it is the current key's");
        assertEquals(OldKeyRows.PREVIOUS_ID, rows.column(behind, "personal_key_id"), "behind the run: the next run's");
        given().when().get("/admin/personal-data/keys").then().body("rowsToRekey", equalTo(1));
        assertEquals(1, rekey.rekeyBatch(OldKeyRows.PREVIOUS_ID, PersonalDataRekey.FIRST, 300).rekeyed());
        assertUnderTheCurrentKey(behind, null, "13600000004");
        // Run again: nothing is under the old key any more, nothing changes.
        assertEquals(0, rekey.rekeyBatch(OldKeyRows.PREVIOUS_ID, PersonalDataRekey.FIRST, 300).read());
    }

    private void assertUnderTheCurrentKey(UUID id, String name, String phone) throws SQLException {
        assertEquals("1", rows.column(id, "personal_key_id"));
        byte[] sealedPhone = (byte[]) rows.column(id, "phone_sealed");
        assertEquals("1", SealedValue.parse(sealedPhone).keyId());
        assertEquals(phone, cipher.open("phone", sealedPhone));
        assertEquals(name, cipher.open("name", (byte[]) rows.column(id, "name_sealed")));
        assertNull(rows.column(id, "client_key"), "a pseudonym under the old key is cleared");
        assertNull(rows.column(id, "submission_key_hash"));
    }

    private UUID idOf(String displayedCode) throws SQLException {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT id FROM feedback WHERE tracking_code = ?")) {
            query.setString(1, displayedCode.replace("-", ""));
            try (var found = query.executeQuery()) {
                found.next();
                return found.getObject(1, UUID.class);
            }
        }
    }

    static ValidatableResponse awaitDone(String run) {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/admin/personal-data/rekey").then().statusCode(200)
                .body("id", equalTo(run)).body("state", equalTo("DONE")));
        return given().when().get("/admin/personal-data/rekey").then().statusCode(200);
    }

    static void awaitNoRunGoing() {
        await().atMost(WAIT).until(() -> {
            var answer = given().when().get("/admin/personal-data/rekey");
            return answer.statusCode() == 404 || !"RUNNING".equals(answer.then().extract().path("state"));
        });
    }
}
