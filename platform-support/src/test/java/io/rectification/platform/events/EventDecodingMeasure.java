package io.rectification.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Not a test (no timing belongs in tests): a measurement, run by hand (docs/benchmarks.md says how),
 * of what a rebuild spends per event on the Java side before PostgreSQL: reading the envelope,
 * decoding the data into its record and giving the task snapshot's JSON for the read model and its
 * history. The path before (the whole envelope through the mapper, data as a tree, the snapshot
 * written out twice) and the path now (one streaming pass, the record read from the carried text,
 * the snapshot's text as carried) take turns in one JVM on the events deploy/bench/EventFlood sends.
 *
 * <p>{@code java -cp … io.rectification.platform.events.EventDecodingMeasure [events] [rounds]}
 */
public final class EventDecodingMeasure {

    private EventDecodingMeasure() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setTimeZone(TimeZone.getTimeZone("UTC"));
        EventReader reader = new EventReader(mapper);
        byte[][] messages = new byte[events][];
        UUID inspection = UUID.randomUUID();
        for (int i = 0; i < events; i++) {
            messages[i] = message(UUID.randomUUID(), 1 + i % 10, inspection, i).getBytes(StandardCharsets.UTF_8);
        }
        long sink = 0;
        // CPU time of this thread, not the wall clock: the machine is shared, and a neighbour's load
        // would otherwise be counted as ours.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long before = cpu.getCurrentThreadCpuTime();
            for (byte[] message : messages) {
                sink += before(mapper, message);
            }
            long middle = cpu.getCurrentThreadCpuTime();
            for (byte[] message : messages) {
                sink += now(reader, message);
            }
            long after = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: before %.2f s CPU (%,.0f events/s), now %.2f s CPU (%,.0f events/s), %.2fx%n",
                    round, (middle - before) / 1e9, events / ((middle - before) / 1e9), (after - middle) / 1e9,
                    events / ((after - middle) / 1e9), (double) (middle - before) / (after - middle));
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static long before(ObjectMapper mapper, byte[] message) {
        try {
            EventEnvelope event = mapper.readValue(message, EventEnvelope.class);
            TasksEvent.TaskSnapshot task = ((TasksEvent.TaskChange) EventContract.decode(event).orElseThrow()).task();
            // the current row and the history row each wrote the snapshot out
            return EventContract.toJson(task).length() + EventContract.toJson(task).length() + event.time().getNano();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now(EventReader reader, byte[] message) {
        EventEnvelope event = reader.read(message);
        TasksEvent.TaskSnapshot task = ((TasksEvent.TaskChange) EventContract.decode(event).orElseThrow()).task();
        return event.dataText().member("task").length() + task.number() + event.time().getNano();
    }

    /** As deploy/bench/EventFlood writes them: TaskCreated, then TaskProgressReported. */
    private static String message(UUID task, int version, UUID inspection, int number) {
        boolean created = version == 1;
        String time = OffsetDateTime.parse("2026-12-01T04:00:00.123456+08:00").plusSeconds(number).toString();
        String snapshot = """
                {"id":"%s","inspectionId":"%s","areaId":"%s","problemId":"%s","number":%d,\
                "title":"整改任务%d","measures":"制定落实方案，明确责任分工和完成时限","progressNarrative":"按计划推进",\
                "leadOfficial":"张副主任","responsiblePerson":"李处长","responsibleUnit":"经济发展局",\
                "deadline":"2025-12-31","kind":"TIME_BOUND","state":"%s","percentComplete":%d,\
                "reportingCadence":"WEEKLY","lastProgressReportAt":%s,"indicators":[],"milestones":[],\
                "verifiedAt":null,"reopenCount":0}"""
                .formatted(task, inspection, UUID.randomUUID(), UUID.randomUUID(), number, number,
                        created ? "PLANNED" : "IN_PROGRESS", (version - 1) * 10, created ? "null" : "\"" + time + "\"");
        String data = created ? "{\"task\":" + snapshot + "}" : """
                {"task":%s,"report":{"id":"%s","cadence":"WEEKLY","periodStart":"2025-01-06","periodEnd":"2025-01-12",\
                "percentComplete":%d,"text":"本周完成排查摸底","reporter":"李处长","reportedAt":"%s"}}"""
                .formatted(snapshot, UUID.randomUUID(), (version - 1) * 10, time);
        return """
                {"specversion":"1.0","id":"%s","source":"/tasks-service","type":"%s","subject":"%s","time":"%s",\
                "datacontenttype":"application/json","aggregatetype":"Task","aggregateversion":%d,"data":%s}"""
                .formatted(UUID.randomUUID(), created ? "TaskCreated" : "TaskProgressReported", task, time, version, data);
    }
}
