package io.rectification.tasks;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every read of one record that sends an ETag answers a request naming its current version in
 * If-None-Match with 304, no body and the same ETag (platform {@code Versions.current}): the tag as
 * given, its weak form, one of a list, {@code *}. An If-None-Match that names no version this service
 * issues matches nothing (no 400), and once the record changes the old tag gets it whole. The lists of
 * a task's evidence, progress reports and deadline extension requests have the task's version as ETag
 * (their entries have none of their own, and every change of them moves it): the same, with a new entry
 * as the change. An inspection's meetings have the list's own version, which a meeting's change moves. A
 * problem and an area show their tasks' progress, which moves without their version: always answered whole.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ConditionalReadsTest {

    /**
     * A record's (or list's) address, a change of it based on the ETag read, and a path of the answer
     * that is there once it comes whole after the change.
     */
    record Read(String url, Consumer<String> change, String shown) {

        Read(String url, Consumer<String> change) {
            this(url, change, "version");
        }
    }

    enum Conditional {
        INSPECTION {
            Read create() {
                String url = "/inspections/" + Fixtures.inspection();
                return new Read(url, tag -> given().contentType(ContentType.JSON).header("If-Match", tag)
                        .body(Fixtures.inspectionJson().replace("2024-08-18", "2024-08-19")).put(url).then().statusCode(200));
            }
        },
        MEETING {
            Read create() {
                String inspection = Fixtures.inspection();
                var held = given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02",
                                "chair", "党工委书记", "decisions", List.of(Map.of("text", "建立专属欠款台账",
                                        "responsibleUnit", "财政局", "dueDate", "2024-10-31"))))
                        .post("/inspections/" + inspection + "/meetings").then().statusCode(201).extract();
                String url = "/meetings/" + held.path("id");
                return new Read(url, tag -> given().contentType(ContentType.JSON).header("If-Match", tag)
                        .post(url + "/decisions/" + held.path("decisions[0].id") + "/completion").then().statusCode(200));
            }
        },
        MEETINGS_OF_AN_INSPECTION {
            Read create() {
                String url = "/inspections/" + Fixtures.inspection() + "/meetings";
                var held = given().contentType(ContentType.JSON).body(Map.of("kind", "SPECIAL", "heldOn", "2024-09-02",
                                "chair", "党工委书记", "decisions", List.of(Map.of("text", "建立专属欠款台账",
                                        "responsibleUnit", "财政局", "dueDate", "2024-10-31"))))
                        .post(url).then().statusCode(201).extract();
                // the list's tag versions no meeting: the change names none
                return new Read(url, tag -> given().contentType(ContentType.JSON).post("/meetings/" + held.path("id")
                        + "/decisions/" + held.path("decisions[0].id") + "/completion").then().statusCode(200), "[0].id");
            }
        },
        LEADING_GROUP {
            Read create() {
                String url = "/inspections/" + Fixtures.inspection() + "/leading-group";
                Map<String, Object> group = Map.of("firstResponsible", Map.of("position", "党工委书记"),
                        "members", List.of(Map.of("role", "LEADER", "position", "党工委书记")));
                given().contentType(ContentType.JSON).body(group).put(url).then().statusCode(200);
                return new Read(url, tag -> given().contentType(ContentType.JSON).header("If-Match", tag)
                        .body(Map.of("firstResponsible", Map.of("position", "党工委书记"), "members", List.of(
                                Map.of("role", "LEADER", "position", "党工委书记"),
                                Map.of("role", "DEPUTY_LEADER", "position", "管委会主任"))))
                        .put(url).then().statusCode(200));
            }
        },
        ACCOUNTABILITY_OUTCOME {
            Read create() {
                return withdrawable("outcomes", Map.of("kind", "ADMONISHMENT_TALK", "people", 1,
                        "decidedOn", "2024-11-20", "source", "区纪委监委通报(2024)12号"));
            }
        },
        RECOVERED_FUNDS {
            Read create() {
                return withdrawable("funds", Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 30,
                        "recordedOn", "2025-04-30", "source", "损失追偿台账"));
            }
        },
        EVIDENCE {
            Read create() {
                return partsOfATask("evidence", Map.of("type", "LEDGER", "title", "欠款台账", "date", "2024-10-08"));
            }
        },
        PROGRESS_REPORTS {
            Read create() {
                return partsOfATask("progress-reports", Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07",
                        "periodEnd", "2024-10-13", "text", "已建立欠款台账,兑付程序推进中", "percentComplete", 60));
            }
        },
        DEADLINE_EXTENSION_REQUESTS {
            Read create() {
                return partsOfATask("deadline-extension-requests",
                        Map.of("requestedDeadline", "2100-06-30", "reason", "受用地报批影响申请延期"));
            }
        };

        abstract Read create();

        /** A new task's list of {@code parts}, changed by adding one (the task's ETag as If-Match). */
        private static Read partsOfATask(String parts, Map<String, Object> part) {
            String url = "/tasks/" + Fixtures.task(Fixtures.freshProblem(),
                    Fixtures.taskJson("整改任务", "2099-12-31", "TIME_BOUND", "")) + "/" + parts;
            return new Read(url, tag -> given().contentType(ContentType.JSON).header("If-Match", tag).body(part)
                    .post(url).then().statusCode(201).header("ETag", not(equalTo(tag))), "[0].id");
        }

        private static Read withdrawable(String records, Map<String, Object> record) {
            String base = "/inspections/" + Fixtures.inspection() + "/accountability/" + records;
            String url = base + "/" + given().contentType(ContentType.JSON).body(record).post(base)
                    .then().statusCode(201).extract().path("id");
            return new Read(url, tag -> given().contentType(ContentType.JSON).header("If-Match", tag)
                    .body(Map.of("reason", "与同一通报的记录重复")).post(url + "/withdrawal").then().statusCode(200));
        }
    }

    @ParameterizedTest
    @EnumSource(Conditional.class)
    void aMatchingIfNoneMatchIsAnswered304UntilTheRecordChanges(Conditional kind) {
        Read read = kind.create();
        String tag = given().get(read.url()).then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
        for (String named : List.of(tag, "W/" + tag, "\"987654\", " + tag, "*")) {
            given().header("If-None-Match", named).get(read.url()).then().statusCode(304)
                    .header("ETag", equalTo(tag)).body(emptyString());
        }
        // no tag this service issues: matches nothing, so the record comes whole (not a 400)
        given().header("If-None-Match", tag.replace("\"", "")).get(read.url()).then().statusCode(200)
                .header("ETag", equalTo(tag));

        read.change().accept(tag);
        given().header("If-None-Match", tag).get(read.url()).then().statusCode(200)
                .header("ETag", not(equalTo(tag))).body(read.shown(), notNullValue());
    }

    enum Whole { PROBLEM, AREA }

    @ParameterizedTest
    @EnumSource(Whole.class)
    void aProblemOrAreaIsAlwaysAnsweredWholeSinceItsTasksProgressMovesWithoutItsVersion(Whole kind) {
        String problem = Fixtures.freshProblem();
        String url = kind == Whole.PROBLEM ? "/problems/" + problem
                : "/areas/" + given().get("/problems/" + problem).then().extract().path("areaId");
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).get(url).then().statusCode(200).header("ETag", equalTo(tag))
                .body("percentComplete", equalTo(0));
    }
}
