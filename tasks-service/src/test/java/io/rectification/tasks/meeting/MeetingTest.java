package io.rectification.tasks.meeting;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 周调度、月推进 and 专题会议 with their decisions, through the REST API and the tasks topic. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class MeetingTest {

    @Test
    void aMeetingIsRecordedWithItsDecisionsWhichAreDoneOnce() {
        String problem = Fixtures.freshProblem();
        String task = Fixtures.task(problem, Fixtures.taskJson("强化服务意识", "2024-12-31", "IMMEDIATE", ""));
        String inspection = given().get("/tasks/" + task).then().extract().path("inspectionId");
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            ExtractableResponse<Response> held = given().contentType(ContentType.JSON).body(Map.of(
                            "kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "党工委书记", "topic", "学习贯彻巡视反馈会议精神",
                            "decisions", List.of(
                                    Map.of("text", "组建企业管家团队", "responsibleUnit", "营商环境局", "dueDate", "2024-09-30",
                                            "taskId", task),
                                    Map.of("text", "建立专属欠款台账", "responsibleUnit", "财政局", "dueDate", "2024-10-31"))))
                    .post("/inspections/" + inspection + "/meetings").then().statusCode(201)
                    .body("kind", equalTo("SPECIAL")).body("version", equalTo(0))
                    .body("decisions.responsibleUnit", contains("营商环境局", "财政局"))
                    .body("decisions.done", contains(false, false)).extract();
            String meeting = held.path("id");
            String first = held.path("decisions[0].id");
            EventEnvelope event = probe.await(e -> meeting.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("MeetingHeld", event.type());
            assertEquals(task, event.data().get("meeting").get("decisions").get(0).get("taskId").asText());

            // an officer marks done only the decisions of their own unit
            given().contentType(ContentType.JSON).header("X-Actor", "zhang.ke").header("X-Test-Roles", "officer")
                    .header("X-Test-Unit", "财政局")
                    .post("/meetings/" + meeting + "/decisions/" + first + "/completion").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("营商环境局"));
            given().contentType(ContentType.JSON).header("X-Actor", "li.ke").header("X-Test-Roles", "officer")
                    .header("X-Test-Unit", "营商环境局")
                    .post("/meetings/" + meeting + "/decisions/" + first + "/completion").then().statusCode(200)
                    .body("version", equalTo(1)).body("decisions[0].done", equalTo(true))
                    .body("decisions[0].doneBy", equalTo("li.ke")).body("decisions[1].done", equalTo(false));
            EventEnvelope done = probe.await(e -> meeting.equals(e.subject()) && e.type().equals("MeetingDecisionCompleted"),
                    Duration.ofSeconds(30));
            assertEquals(first, done.data().get("decisionId").asText());
            assertEquals(1L, done.aggregateversion());
            given().contentType(ContentType.JSON)
                    .post("/meetings/" + meeting + "/decisions/" + first + "/completion").then().statusCode(409);
        }
        given().contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY_DISPATCH", "heldOn", "2024-09-09", "chair", "管委会主任"))
                .post("/inspections/" + inspection + "/meetings").then().statusCode(201).body("decisions", hasSize(0));
        // a topic of blanks is no topic (the lists then name the meeting by its kind), not one that shows empty
        given().contentType(ContentType.JSON).body(Map.of("kind", "MONTHLY_PUSH", "heldOn", "2024-09-30", "chair", " 管委会主任 ",
                        "topic", " \u3000 "))
                .post("/inspections/" + inspection + "/meetings").then().statusCode(201)
                .body("topic", nullValue()).body("chair", equalTo("管委会主任"));
        given().get("/inspections/" + inspection + "/meetings").then().statusCode(200)
                .body("kind", contains("MONTHLY_PUSH", "WEEKLY_DISPATCH", "SPECIAL"));
    }

    /**
     * A task the office cancels (撤销) after a meeting decided about it keeps its link: the decision stays as the
     * meeting made it and says when the task was cancelled; the meeting, which shows that without its version
     * moving, is then always answered whole. A meeting recorded since may not link the task (409 naming the field).
     */
    @Test
    void aDecisionAboutATaskCancelledSinceKeepsItsLinkAndSaysSo() {
        String task = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("组建企业管家团队", "2024-12-31", "IMMEDIATE", ""));
        String inspection = given().get("/tasks/" + task).then().extract().path("inspectionId");
        Map<String, Object> meeting = Map.of("kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "党工委书记",
                "decisions", List.of(Map.of("text", "组建企业管家团队", "responsibleUnit", "营商环境局", "dueDate", "2024-09-30",
                                "taskId", task),
                        Map.of("text", "建立专属欠款台账", "responsibleUnit", "财政局", "dueDate", "2024-10-31")));
        ExtractableResponse<Response> held = given().contentType(ContentType.JSON).body(meeting)
                .post("/inspections/" + inspection + "/meetings").then().statusCode(201)
                .body("decisions.taskCancelledAt", contains(nullValue(), nullValue())).extract();
        String url = "/meetings/" + held.path("id");

        given().contentType(ContentType.JSON).header("X-Actor", "zhang.ban")
                .header("If-Match", given().get("/tasks/" + task).then().extract().header("ETag"))
                .body(Map.of("reason", "与同一问题下的任务重复")).post("/tasks/" + task + "/cancellation")
                .then().statusCode(200);
        String cancelledAt = given().get("/tasks/" + task).then().extract().path("cancellation.at");
        given().header("If-None-Match", held.header("ETag")).get(url).then().statusCode(200)
                .header("ETag", equalTo(held.header("ETag"))).body("version", equalTo(0))
                .body("decisions[0].taskId", equalTo(task)).body("decisions[0].taskCancelledAt", equalTo(cancelledAt))
                .body("decisions[1].taskCancelledAt", nullValue());
        given().get("/inspections/" + inspection + "/meetings").then().statusCode(200)
                .body("[0].decisions[0].taskCancelledAt", equalTo(cancelledAt));

        given().contentType(ContentType.JSON).body(meeting).post("/inspections/" + inspection + "/meetings").then()
                .statusCode(409).contentType("application/problem+json").body("field", equalTo("decisions[0].taskId"))
                .body("cancelledAt", equalTo(cancelledAt));
    }

    @Test
    void badMeetingsAreRefusedNamingTheField() {
        String inspection = Fixtures.inspection();
        String url = "/inspections/" + inspection + "/meetings";
        given().contentType(ContentType.JSON).body(Map.of("kind", "TEA_PARTY", "heldOn", "2024-09-02", "chair", "书记"))
                .post(url).then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02"))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("chair"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "书记",
                        "decisions", List.of(Map.of("text", "x", "responsibleUnit", "财政局", "dueDate", "2024-09-01"))))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("decisions[0].dueDate"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "书记",
                        "decisions", List.of(Map.of("text", "x", "dueDate", "2024-09-30"))))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("decisions[0].responsibleUnit"));
        String otherTask = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("别的任务", "2024-12-31", "IMMEDIATE", ""));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "书记",
                        "decisions", List.of(Map.of("text", "x", "responsibleUnit", "财政局", "dueDate", "2024-09-30",
                                "taskId", otherTask))))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("decisions[0].taskId"));
        given().contentType(ContentType.JSON)
                .post("/meetings/7d1f9a52-0000-4000-8000-000000000000/decisions/7d1f9a52-0000-4000-8000-000000000001/completion")
                .then().statusCode(404);
    }

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * A meeting names who attended (staff names, as the minutes list them) and keeps its minutes (会议纪要)
     * as a file, checked as evidence files are; both are returned, audited and published.
     */
    @Test
    void aMeetingKeepsItsAttendeesAndItsMinutesAsEvidence() {
        String inspection = Fixtures.inspection();
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String meeting = given().contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY_DISPATCH", "heldOn", "2024-09-09",
                            "chair", "管委会主任", "attendees", List.of(" 王副主任 ", "李科长", "财政金融局张局长")))
                    .post("/inspections/" + inspection + "/meetings").then().statusCode(201)
                    .body("attendees", contains("王副主任", "李科长", "财政金融局张局长")).body("minutes", nullValue())
                    .extract().path("id");
            EventEnvelope held = probe.await(e -> meeting.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("李科长", held.data().get("meeting").get("attendees").get(1).asText());

            String url = "/meetings/" + meeting + "/minutes";
            given().contentType("application/x-msdownload").body(PDF).queryParam("filename", "纪要.exe").put(url)
                    .then().statusCode(415).contentType("application/problem+json");
            given().contentType("application/pdf").body("MZ not a pdf".getBytes(StandardCharsets.US_ASCII))
                    .queryParam("filename", "纪要.pdf").put(url)
                    .then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
            given().contentType("application/pdf").body(PDF).put(url)
                    .then().statusCode(400).body("errors[0].field", equalTo("filename"));
            // the file's name is published (MeetingMinutesAttached): no one's contact details in it
            given().contentType("application/pdf").body(PDF).queryParam("filename", "回访群众13812345678.pdf").put(url)
                    .then().statusCode(400).body("errors[0].field", equalTo("filename"))
                    .body("errors[0].message", startsWith("contains contact details (a mobile number)"));
            given().get(url).then().statusCode(404).contentType("application/problem+json");

            given().contentType("application/pdf").body(PDF).queryParam("filename", "第1次周调度会纪要.pdf").put(url)
                    .then().statusCode(200).body("version", equalTo(1)).body("minutes.filename", equalTo("第1次周调度会纪要.pdf"))
                    .body("minutes.sha256", equalTo(sha256(PDF))).body("minutes.size", equalTo(PDF.length));
            assertArrayEquals(PDF, given().get(url).then().statusCode(200).contentType("application/pdf")
                    .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray());
            EventEnvelope attached = probe.await(e -> meeting.equals(e.subject()) && e.type().equals("MeetingMinutesAttached"),
                    Duration.ofSeconds(30));
            assertEquals(sha256(PDF), attached.data().get("meeting").get("minutes").get("sha256").asText());
            given().get("/meetings/" + meeting).then().body("minutes.contentType", equalTo("application/pdf"))
                    .body("attendees", hasSize(3));
            given().get("/audit/Meeting/" + meeting).then().statusCode(200)
                    .body("action", contains("MeetingHeld", "MeetingMinutesAttached"))
                    .body("[0].after", containsString("财政金融局张局长")).body("[1].after", containsString(sha256(PDF)));
        }
    }

    /**
     * An inspection's meetings carry the list's version as ETag and answer a request naming it in If-None-Match
     * with 304, until a meeting in it changes (not only the newest, which is first), a meeting is held or a task
     * a decision is about is cancelled (撤销), which moves no meeting's version: each then gets the list whole
     * with a new ETag, which is matched again in turn.
     */
    @Test
    void anInspectionsMeetingsAnswer304UntilOneOfThemChanges() {
        String task = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("组建企业管家团队", "2024-12-31", "IMMEDIATE", ""));
        String inspection = given().get("/tasks/" + task).then().extract().path("inspectionId");
        String url = "/inspections/" + inspection + "/meetings";
        String older = given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02",
                        "chair", "党工委书记", "decisions", List.of(Map.of("text", "建立专属欠款台账",
                                "responsibleUnit", "财政局", "dueDate", "2024-10-31"))))
                .post(url).then().statusCode(201).extract().path("decisions[0].id");
        String olderMeeting = given().get(url).then().extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY_DISPATCH", "heldOn", "2024-09-09",
                        "chair", "管委会主任", "decisions", List.of(Map.of("text", "组建企业管家团队",
                                "responsibleUnit", "营商环境局", "dueDate", "2024-09-30", "taskId", task))))
                .post(url).then().statusCode(201);

        String tag = given().get(url).then().statusCode(200).body("id", hasSize(2))
                .header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", tag).get(url).then().statusCode(304).header("ETag", equalTo(tag))
                .body(emptyString());

        // the older meeting, second in the list, changes: its decision done
        given().contentType(ContentType.JSON).post("/meetings/" + olderMeeting + "/decisions/" + older + "/completion")
                .then().statusCode(200);
        String done = given().header("If-None-Match", tag).get(url).then().statusCode(200)
                .header("ETag", not(equalTo(tag))).body("[1].decisions[0].done", equalTo(true))
                .extract().header("ETag");
        given().header("If-None-Match", done).get(url).then().statusCode(304).header("ETag", equalTo(done));

        // the task the newer meeting decided about is cancelled: no meeting's version moves, the list's does
        given().contentType(ContentType.JSON).header("X-Actor", "zhang.ban")
                .header("If-Match", given().get("/tasks/" + task).then().extract().header("ETag"))
                .body(Map.of("reason", "与同一问题下的任务重复")).post("/tasks/" + task + "/cancellation")
                .then().statusCode(200);
        String cancelled = given().header("If-None-Match", done).get(url).then().statusCode(200)
                .header("ETag", not(equalTo(done))).body("[0].version", equalTo(0))
                .body("[0].decisions[0].taskCancelledAt", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", cancelled).get(url).then().statusCode(304);

        // a meeting held
        given().contentType(ContentType.JSON).body(Map.of("kind", "MONTHLY_PUSH", "heldOn", "2024-09-30", "chair", "管委会主任"))
                .post(url).then().statusCode(201);
        given().header("If-None-Match", cancelled).get(url).then().statusCode(200)
                .header("ETag", not(equalTo(cancelled))).body("id", hasSize(3));
    }

    /**
     * A meeting is created, read and changed with its version as ETag, as the other records of the ledger are:
     * the minutes go up and a decision is marked done with If-Match taken from the last answer, and a change
     * based on a version someone else has moved since is refused (412) before anything is stored.
     */
    @Test
    void aMeetingAnswersWithItsVersionAsEtagForTheNextIfMatch() {
        String inspection = Fixtures.inspection();
        ExtractableResponse<Response> held = given().contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY_DISPATCH",
                        "heldOn", "2024-09-09", "chair", "管委会主任", "decisions",
                        List.of(Map.of("text", "补齐台账", "responsibleUnit", "财政局", "dueDate", "2024-09-30"))))
                .post("/inspections/" + inspection + "/meetings").then().statusCode(201).header("ETag", equalTo("\"0\""))
                .extract();
        String meeting = held.path("id");
        given().get("/meetings/" + meeting).then().statusCode(200).header("ETag", equalTo(held.header("ETag")));

        String minutes = given().header("If-Match", held.header("ETag")).contentType("application/pdf").body(PDF)
                .queryParam("filename", "纪要.pdf").put("/meetings/" + meeting + "/minutes")
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).extract().header("ETag");
        given().header("If-Match", held.header("ETag")).contentType("application/pdf").body(PDF)
                .queryParam("filename", "纪要.pdf").put("/meetings/" + meeting + "/minutes")
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(1));

        String decision = "/meetings/" + meeting + "/decisions/" + held.path("decisions[0].id") + "/completion";
        given().header("If-Match", held.header("ETag")).contentType(ContentType.JSON).post(decision).then().statusCode(412);
        given().get("/meetings/" + meeting).then().body("decisions[0].done", equalTo(false));
        given().header("If-Match", minutes).contentType(ContentType.JSON).post(decision)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("decisions[0].done", equalTo(true));
    }

    @Test
    void attendeesAreStaffNamesNamedByPosition() {
        String url = "/inspections/" + Fixtures.inspection() + "/meetings";
        given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "书记",
                        "attendees", List.of("李科长", " ")))
                .post(url).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("attendees[1]"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "书记",
                        "attendees", List.of("x".repeat(201))))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("attendees[0]"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02", "chair", "书记",
                        "attendees", List.of("李科长", "李科长")))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("attendees[1]"));
        given().contentType("application/pdf").body(PDF).queryParam("filename", "纪要.pdf")
                .put("/meetings/7d1f9a52-0000-4000-8000-000000000000/minutes").then().statusCode(404);
        // the file checked before the meeting is looked up: a bad name is named whatever meeting the path gives
        given().contentType("application/pdf").body(PDF).queryParam("filename", " ")
                .put("/meetings/7d1f9a52-0000-4000-8000-000000000000/minutes").then().statusCode(400)
                .body("errors[0].field", equalTo("filename"));
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
