package io.rectification.tasks.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Someone with database access edits an audit row behind the application's back: the chain's
 * verification must find it and name the entry.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class AuditTamperTest {

    static String inspection() {
        return """
                {"title":"审计链测试巡视","team":"%s","inspectedOrganisation":"沈阳高新技术产业开发区",
                 "kind":"SPECIAL","onSiteFrom":"2024-04-07","onSiteTo":"2024-06-20"}""".formatted(Fixtures.uniqueTeam());
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void changedRowBreaksTheChainAtThatEntry() throws Exception {
        String id = given().header("X-Actor", "审计测试员").contentType(ContentType.JSON)
                .body(inspection())
                .post("/inspections").then().statusCode(201).extract().path("id");

        given().header("X-Actor", "督查员").get("/audit/Inspection/" + id)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].actor", equalTo("审计测试员"))
                .body("[0].action", equalTo("InspectionRegistered"))
                .body("[0].before", equalTo(null))
                .body("[0].hash", notNullValue());
        given().header("X-Actor", "督查员").get("/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true)).body("entriesChecked", greaterThanOrEqualTo(1));

        long seq;
        String original;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            try (ResultSet row = sql.executeQuery(
                    "SELECT seq, after FROM audit_entry WHERE entity_id = '" + id + "'")) {
                row.next();
                seq = row.getLong(1);
                original = row.getString(2);
            }
            // The application cannot update the table (trigger); an intruder with owner rights can.
            sql.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update");
            sql.execute("UPDATE audit_entry SET after = replace(after, '省委第七巡视组', '某巡视组') WHERE seq = " + seq);
            try {
                given().header("X-Actor", "督查员").get("/audit/verify")
                        .then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBrokenSeq", equalTo((int) seq));
            } finally {
                try (var restore = db.prepareStatement("UPDATE audit_entry SET after = ? WHERE seq = ?")) {
                    restore.setString(1, original);
                    restore.setLong(2, seq);
                    restore.executeUpdate();
                }
                sql.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update");
            }
        }
        given().header("X-Actor", "督查员").get("/audit/verify").then().body("intact", equalTo(true));
    }

    /** TRUNCATE fires no row trigger: a statement trigger refuses it (operator review #8). */
    @Test
    void theApplicationsConnectionCannotEmptyTheTrail() throws Exception {
        given().header("X-Actor", "审计测试员").contentType(ContentType.JSON)
                .body(inspection())
                .post("/inspections").then().statusCode(201);
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> sql.execute("TRUNCATE audit_entry"));
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("audit_entry is append-only"),
                    refused.getMessage());
        }
        given().header("X-Actor", "督查员").get("/audit/verify").then().body("intact", equalTo(true))
                .body("entriesChecked", greaterThanOrEqualTo(1));
    }

    @Inject
    io.rectification.platform.audit.AuditChainMetrics chainMetrics;

    /**
     * The chain's latest sequence number is a gauge: kept outside the database, it shows a chain whose
     * newest entries were removed, which the chain itself cannot (operator review #8).
     */
    @Test
    void theChainsLatestEntryIsAGauge() throws Exception {
        given().header("X-Actor", "审计测试员").contentType(ContentType.JSON)
                .body(inspection())
                .post("/inspections").then().statusCode(201);
        long latest;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT max(seq) FROM audit_entry")) {
            row.next();
            latest = row.getLong(1);
        }
        chainMetrics.refresh();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher gauge = java.util.regex.Pattern.compile("(?m)^rectification_audit_entries(\\{[^}]*\\})? ([0-9.eE+]+)$")
                .matcher(metrics);
        org.junit.jupiter.api.Assertions.assertTrue(gauge.find(), "rectification_audit_entries is exported");
        org.junit.jupiter.api.Assertions.assertTrue((long) Double.parseDouble(gauge.group(2)) >= latest,
                "at least the entry just read: " + gauge.group() + " against " + latest);
    }

    @Test
    void theApplicationsConnectionCannotRewriteHistory() throws Exception {
        given().header("X-Actor", "审计测试员").contentType(ContentType.JSON)
                .body(inspection())
                .post("/inspections").then().statusCode(201);
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> sql.execute("DELETE FROM audit_entry"));
        }
    }
}
