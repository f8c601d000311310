package io.rectification.feedback;

import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays tasks-service for tests: sends its events (InspectionRegistered, AreaRegistered,
 * ProblemRegistered, TaskCreated...) to rectification.tasks.v1 on the test broker, as it would.
 */
public final class Ledger {

    private static final Set<UUID> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private Ledger() {
    }

    /** The title {@link #inspection(UUID)} gives every inspection; tests that need their own use the other. */
    public static final String INSPECTION_TITLE = "省委第七巡视组专项巡视沈阳高新区";

    /** Announces the inspection once per test run (InspectionRegistered). */
    public static void inspection(UUID id) {
        inspection(id, INSPECTION_TITLE);
    }

    /** Announces the inspection under this title, once per test run (before its publication is created). */
    public static void inspection(UUID id, String title) {
        if (ANNOUNCED.add(id)) {
            send(id, "InspectionRegistered", "Inspection", 0, """
                    {"id":"%s","version":0,"title":"%s","team":"省委第七巡视组",
                     "inspectedOrganisation":"沈阳高新技术产业开发区","kind":"SPECIAL","onSiteFrom":"2024-04-07",
                     "onSiteTo":"2024-06-20","feedbackDate":"2024-08-18","createdAt":"2024-08-20T02:00:00Z"}"""
                    .formatted(id, title));
        }
    }

    public static void area(UUID inspectionId, UUID id, int number, String title) {
        send(id, "AreaRegistered", "Area", 0, """
                {"area":{"id":"%s","inspectionId":"%s","number":%d,"title":"%s","percentComplete":0}}"""
                .formatted(id, inspectionId, number, title));
    }

    public static void problem(UUID inspectionId, UUID areaId, UUID id, int number, String title, String source,
                               UUID sourceFeedbackId, long version, int percentComplete) {
        send(id, version == 0 ? "ProblemRegistered" : "ProblemUpdated", "Problem", version, """
                {"problem":{"id":"%s","inspectionId":"%s","areaId":"%s","number":%d,"title":"%s","description":null,
                 "source":"%s","sourceFeedbackId":%s,"percentComplete":%d}}"""
                .formatted(id, inspectionId, areaId, number, title, source,
                        sourceFeedbackId == null ? "null" : "\"" + sourceFeedbackId + "\"", percentComplete));
    }

    public static void task(UUID inspectionId, UUID areaId, UUID problemId, UUID id, int number, String title,
                            String state, int percentComplete, long version) {
        send(id, version == 0 ? "TaskCreated" : "TaskUpdated", "Task", version, """
                {"task":{"id":"%s","version":%d,"inspectionId":"%s","areaId":"%s","problemId":"%s","number":%d,
                 "title":"%s","measures":"措施","leadOfficial":"王某某","responsiblePerson":"李某某",
                 "responsibleUnit":"财政局","deadline":"2025-12-31","kind":"TIME_BOUND","state":"%s",
                 "percentComplete":%d}}"""
                .formatted(id, version, inspectionId, areaId, problemId, number, title, state, percentComplete));
    }

    /** 撤销: TaskCancelled, the task in the state it had, with {@code cancelledAt} and no transitions. */
    public static void cancelTask(UUID inspectionId, UUID areaId, UUID problemId, UUID id, int number, String title,
                                  long version) {
        send(id, "TaskCancelled", "Task", version, """
                {"task":{"id":"%s","version":%d,"inspectionId":"%s","areaId":"%s","problemId":"%s","number":%d,
                 "title":"%s","measures":"措施","leadOfficial":"王某某","responsiblePerson":"李某某",
                 "responsibleUnit":"财政局","deadline":"2025-12-31","kind":"TIME_BOUND","state":"IN_PROGRESS",
                 "percentComplete":0,"allowedTransitions":[],"cancelledAt":"2025-11-10T09:00:00+08:00"}}"""
                .formatted(id, version, inspectionId, areaId, problemId, number, title));
    }

    /** 撤销: ProblemCancelled (after its tasks' TaskCancelled, as tasks-service sends them). */
    public static void cancelProblem(UUID inspectionId, UUID areaId, UUID id, int number, String title, String source,
                                     long version) {
        send(id, "ProblemCancelled", "Problem", version, """
                {"problem":{"id":"%s","inspectionId":"%s","areaId":"%s","number":%d,"title":"%s","description":null,
                 "source":"%s","sourceFeedbackId":null,"percentComplete":0,"cancelledAt":"2025-11-10T09:00:00+08:00"}}"""
                .formatted(id, inspectionId, areaId, number, title, source));
    }

    /** 撤销: AreaCancelled (after its problems' and tasks'). */
    public static void cancelArea(UUID inspectionId, UUID id, int number, String title, long version) {
        send(id, "AreaCancelled", "Area", version, """
                {"area":{"id":"%s","inspectionId":"%s","number":%d,"title":"%s","percentComplete":0,
                 "cancelledAt":"2025-11-10T09:00:00+08:00"}}"""
                .formatted(id, inspectionId, number, title));
    }

    public static void send(UUID subject, String type, String aggregateType, long version, String data) {
        EventProbe.send(EventTopics.TASKS, subject.toString(), """
                {"specversion":"1.0","id":"%s","source":"/tasks-service","type":"%s","subject":"%s",
                 "time":"2025-11-10T02:00:00Z","datacontenttype":"application/json","aggregatetype":"%s",
                 "aggregateversion":%d,"data":%s}"""
                .formatted(UUID.randomUUID(), type, subject, aggregateType, version, data));
    }
}
