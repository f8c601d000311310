package io.rectification.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.EventProbe;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds contract-shaped envelopes (docs/events, the event contract) and publishes them to the real
 * broker, as tasks-service and feedback-service would. Every test works on a fresh inspection id, so
 * events of other runs on the shared topics never disturb it. An envelope's {@code time} is the services'
 * (test) clock, pinned or not, as a producer's would be.
 */
public final class ContractEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final UUID inspectionId;

    public ContractEvents() {
        this(UUID.randomUUID());
    }

    /** Events about an inspection that exists elsewhere (in a running tasks-service). */
    public ContractEvents(UUID inspectionId) {
        this.inspectionId = inspectionId;
    }

    /** Sends one envelope; returns its event id. */
    public static String send(String topic, String type, String aggregateType, UUID aggregateId, long version,
                              Object data) {
        String id = UUID.randomUUID().toString();
        sendWithId(id, topic, type, aggregateType, aggregateId, version, data);
        return id;
    }

    public static void sendWithId(String id, String topic, String type, String aggregateType, UUID aggregateId,
                                  long version, Object data) {
        sendAt(AdjustableClock.current(), id, topic, type, aggregateType, aggregateId, version, data);
    }

    /** Sends an envelope whose {@code time} (when the producer committed the change) is given. */
    public static void sendAt(OffsetDateTime time, String id, String topic, String type, String aggregateType,
                              UUID aggregateId, long version, Object data) {
        EventProbe.send(topic, aggregateId.toString(),
                EventProbe.toJson(envelope(time, id, topic, type, aggregateType, aggregateId, version, data)));
    }

    /** Sends a task event as the relay publishes it today: with the CloudEvents Kafka binding's headers. */
    public static void sendTaskWithBindingHeaders(String type, ObjectNode task, long version) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime time = AdjustableClock.current();
        UUID taskId = UUID.fromString(task.get("id").asText());
        EventProbe.send(EventTopics.TASKS, taskId.toString(), EventProbe.toJson(envelope(time, id, EventTopics.TASKS,
                        type, "Task", taskId, version, Map.of("task", task))),
                io.rectification.platform.events.CloudEventHeaders.of("1.0", id, "/tasks-service", type,
                        taskId.toString(), time.toString()));
    }

    private static Map<String, Object> envelope(OffsetDateTime time, String id, String topic, String type,
                                                String aggregateType, UUID aggregateId, long version, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", EventTopics.TASKS.equals(topic) ? "/tasks-service" : "/feedback-service");
        envelope.put("type", type);
        envelope.put("subject", aggregateId.toString());
        envelope.put("time", time.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("aggregatetype", aggregateType);
        envelope.put("aggregateversion", version);
        envelope.put("data", data);
        return envelope;
    }

    public Map<String, Object> inspection(String title) {
        return new LinkedHashMap<>(Map.of("id", inspectionId.toString(), "version", 1, "title", title,
                "team", "省委第七巡视组", "inspectedOrganisation", "沈阳高新技术产业开发区", "kind", "SPECIAL",
                "onSiteFrom", "2024-04-07", "onSiteTo", "2024-06-20", "feedbackDate", "2024-08-18",
                "createdAt", "2024-08-20T09:00:00+08:00"));
    }

    public void registerInspection() {
        send(EventTopics.TASKS, "InspectionRegistered", "Inspection", inspectionId, 1,
                inspection("省委第七巡视组专项巡视沈阳高新区"));
    }

    /** InspectionUpdated with the totals the plan declares (null: declares none). */
    public void declareTotals(long version, Integer areas, Integer problems, Integer tasks) {
        Map<String, Object> inspection = inspection("省委第七巡视组专项巡视沈阳高新区");
        inspection.put("version", version);
        inspection.put("declaredAreas", areas);
        inspection.put("declaredProblems", problems);
        inspection.put("declaredTasks", tasks);
        send(EventTopics.TASKS, "InspectionUpdated", "Inspection", inspectionId, version, inspection);
    }

    public UUID registerArea(int number, String title) {
        UUID id = UUID.randomUUID();
        send(EventTopics.TASKS, "AreaRegistered", "Area", id, 1, Map.of("area",
                Map.of("id", id.toString(), "inspectionId", inspectionId.toString(), "number", number, "title", title)));
        return id;
    }

    public UUID registerProblem(UUID areaId, int number, String title) {
        return registerProblem(areaId, number, title, "PLAN");
    }

    /** A problem found by extending the finding {@code extendsProblemId} (举一反三, source ANALOGY). */
    public UUID registerProblemExtending(UUID areaId, int number, String title, UUID extendsProblemId) {
        return registerProblem(areaId, number, title, "ANALOGY", extendsProblemId);
    }

    /** A problem of the given source: PLAN (the inspection's finding), SELF_FOUND, LOOK_BACK or FEEDBACK. */
    public UUID registerProblem(UUID areaId, int number, String title, String source) {
        return registerProblem(areaId, number, title, source, null);
    }

    private UUID registerProblem(UUID areaId, int number, String title, String source, UUID extendsProblemId) {
        return registerProblem(UUID.randomUUID(), areaId, number, title, source, extendsProblemId);
    }

    /** A problem of the given source under an id chosen beforehand (its tasks sent before it). */
    public UUID registerProblem(UUID id, UUID areaId, int number, String title, String source) {
        return registerProblem(id, areaId, number, title, source, null);
    }

    private UUID registerProblem(UUID id, UUID areaId, int number, String title, String source, UUID extendsProblemId) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("id", id.toString());
        problem.put("inspectionId", inspectionId.toString());
        problem.put("areaId", areaId.toString());
        problem.put("number", number);
        problem.put("title", title);
        problem.put("description", title);
        problem.put("source", source);
        problem.put("sourceFeedbackId", "FEEDBACK".equals(source) ? UUID.randomUUID().toString() : null);
        problem.put("extendsProblemId", extendsProblemId == null ? null : extendsProblemId.toString());
        problem.put("percentComplete", 0);
        send(EventTopics.TASKS, "ProblemRegistered", "Problem", id, 1, Map.of("problem", problem));
        return id;
    }

    /** A task snapshot as TaskSnapshot in the contract; change members with {@code put}. */
    public ObjectNode task(UUID id, UUID areaId, UUID problemId, int number, String state, String deadline) {
        ObjectNode task = JSON.createObjectNode();
        task.put("id", id.toString());
        task.put("inspectionId", inspectionId.toString());
        task.put("areaId", areaId.toString());
        task.put("problemId", problemId.toString());
        task.put("number", number);
        task.put("title", "整改任务" + number);
        task.put("measures", "制定落实方案");
        // in any state: a narrative saying 已完成 for a task not closed out is a finding of the report's checks
        task.put("progressNarrative", "按整改方案推进。");
        task.put("leadOfficial", "张副主任");
        task.put("responsiblePerson", "李处长");
        task.put("responsibleUnit", "经济发展局");
        task.put("deadline", deadline);
        task.put("kind", "TIME_BOUND");
        task.put("state", state);
        task.put("percentComplete", "VERIFIED".equals(state) ? 100 : 40);
        task.put("reportingCadence", "MONTHLY");
        task.putNull("lastProgressReportAt");
        task.set("indicators", JSON.createArrayNode());
        task.set("milestones", JSON.createArrayNode());
        if ("VERIFIED".equals(state)) {
            task.put("verifiedAt", "2025-01-10T10:00:00+08:00");
        } else {
            task.putNull("verifiedAt");
        }
        task.put("reopenCount", 0);
        return task;
    }

    public static String sendTask(String type, ObjectNode task, long version) {
        return sendTask(type, task, version, Map.of());
    }

    /** Sends a task event as {@link #sendTask} does and answers where it landed on the topic. */
    public static org.apache.kafka.clients.producer.RecordMetadata sendTaskPlaced(String type, ObjectNode task, long version) {
        return sendTaskPlaced(UUID.randomUUID().toString(), task.get("id").asText(), type, task, version);
    }

    /** As {@link #sendTaskPlaced(String, ObjectNode, long)} with the event's id and key given (one key, one partition). */
    public static org.apache.kafka.clients.producer.RecordMetadata sendTaskPlaced(String id, String key, String type,
                                                                                  ObjectNode task, long version) {
        UUID taskId = UUID.fromString(task.get("id").asText());
        String json = EventProbe.toJson(envelope(AdjustableClock.current(), id, EventTopics.TASKS,
                type, "Task", taskId, version, Map.of("task", task)));
        return EventProbe.sendBytes(EventTopics.TASKS, key, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String sendTask(String type, ObjectNode task, long version, Map<String, Object> specific) {
        Map<String, Object> data = new LinkedHashMap<>(specific);
        data.put("task", task);
        return send(EventTopics.TASKS, type, "Task", UUID.fromString(task.get("id").asText()), version, data);
    }

    public UUID publish(String windowStart, String windowEnd) {
        return publish(windowStart, windowEnd, true);
    }

    /** PublicationCreated; {@code withChannels} false leaves out phone, post and email. */
    public UUID publish(String windowStart, String windowEnd, boolean withChannels) {
        UUID id = UUID.randomUUID();
        send(EventTopics.FEEDBACK, "PublicationCreated", "Publication", id, 1,
                Map.of("publication", publication(id, windowStart, windowEnd, withChannels)));
        return id;
    }

    /** PublicationUpdated: the publication {@code id} as edited afterwards, at {@code version}. */
    public void updatePublication(UUID id, long version, String windowStart, String windowEnd, boolean withChannels) {
        send(EventTopics.FEEDBACK, "PublicationUpdated", "Publication", id, version,
                Map.of("publication", publication(id, windowStart, windowEnd, withChannels)));
    }

    private Map<String, Object> publication(UUID id, String windowStart, String windowEnd, boolean withChannels) {
        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put("phone", "024-83752107");
        channels.put("phoneHours", "工作日9:00—17:30");
        channels.put("postalAddress", "沈阳市浑南区新隆街8号安姆大厦B1座");
        channels.put("postalCode", "110179");
        channels.put("email", "sygxqgwhbgs-hnq@shenyang.gov.cn");
        Map<String, Object> publication = new LinkedHashMap<>();
        publication.put("id", id.toString());
        publication.put("inspectionId", inspectionId.toString());
        publication.put("title", "省委第七巡视组专项巡视沈阳高新区整改情况公布");
        publication.put("windowStart", windowStart);
        publication.put("windowEnd", windowEnd);
        publication.put("timeZone", "Asia/Shanghai");
        publication.put("reportUrl", "https://example.gov.cn/report");
        publication.put("channels", withChannels ? channels : Map.of());
        return publication;
    }

    /** A FeedbackSnapshot as in the contract; change members with {@code put}. */
    public ObjectNode feedback(UUID id, UUID publicationId, String channel, String status, String receivedAt) {
        ObjectNode feedback = JSON.createObjectNode();
        feedback.put("id", id.toString());
        feedback.put("publicationId", publicationId.toString());
        feedback.put("inspectionId", inspectionId.toString());
        feedback.put("channel", channel);
        feedback.putNull("category");
        feedback.put("status", status);
        feedback.putNull("areaId");
        feedback.putNull("problemId");
        feedback.putNull("taskId");
        feedback.put("receivedAt", receivedAt);
        feedback.putNull("triagedAt");
        feedback.putNull("answeredAt");
        feedback.putNull("closedAt");
        feedback.put("replyDueAt", OffsetDateTime.parse(receivedAt).plusDays(15).toString());
        feedback.put("anonymous", true);
        return feedback;
    }

    public static String sendFeedback(String type, ObjectNode feedback, long version, Map<String, Object> specific) {
        Map<String, Object> data = new LinkedHashMap<>(specific);
        data.put("feedback", feedback);
        return send(EventTopics.FEEDBACK, type, "Feedback", UUID.fromString(feedback.get("id").asText()), version, data);
    }
}
