import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite (run by deploy/faults/run against a stack of its own): while public feedback is
 * submitted continuously and staff report progress, it kills the broker and each service with
 * SIGKILL and starts them again, cuts every service off its database for a while, and sends a
 * poison message (a NUL byte payload) to every partition of every topic. Then it waits for the
 * system to settle and checks what must hold after any of that:
 *
 * <ul>
 *   <li>every submission and progress report answered 201 is stored exactly once, with its one
 *       event, published;</li>
 *   <li>reporting-service's read models hold exactly what the sources hold;</li>
 *   <li>every consumer recorded each poison message as a dead letter and moved past it (lag 0);</li>
 *   <li>every service is ready again;</li>
 *   <li>no answer was a 5xx other than 503 problem+json with Retry-After (the progress reports go
 *       through the gateway, which must answer so while tasks-service is down), and none a 4xx (every request of the
 *       load is valid and authorised);</li>
 *   <li>the broker took SCRAM users with production's ACLs: each service's user writes only its
 *       own topic, and a client without credentials none.</li>
 * </ul>
 *
 * Times (outages, convergence) are printed, never asserted: the machine's load decides them. The
 * waits have deadlines only so that a stuck system fails the run instead of hanging it.
 * FAULTS_PROVE_FAILURE=lose-submission deletes one accepted submission before the checks, to show
 * that the suite fails when the system loses one.
 */
public class FaultSuite {

    private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(3);
    /**
     * Each submitter's pause after an answer. Unpaced, three submitters took whatever CPU the machine had
     * (12,000 submissions in 160 s of a CI run, beside the end-to-end test's stack), and the restarts the
     * suite waits for were starved of it (up to 69 s). What the suite needs of the load is a request in
     * flight when each fault strikes, which {@link #inFlight} makes sure of.
     */
    private static final Duration SUBMITTER_PAUSE = Duration.ofMillis(100);
    private static final Pattern TRACKING = Pattern.compile("\"trackingCode\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final List<String> TOPICS = List.of("rectification.tasks.v1", "rectification.feedback.v1");
    private static final List<String> SERVICES = List.of("tasks-service", "feedback-service", "reporting-service");

    private final Map<String, String> env = System.getenv();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();

    // What the load was answered.
    private final Set<String> acceptedCodes = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedReports = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> forbiddenAnswers = new CopyOnWriteArrayList<>();
    private final List<String> unexpectedClientErrors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    // Requests sent and not yet answered, by kind ("submit", "progress").
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        System.exit(new FaultSuite().run() ? 0 : 1);
    }

    private String env(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("FaultSuite: " + name + " is not set (deploy/faults/run sets it)");
        }
        return value;
    }

    private String gatewayUrl() {
        return "http://127.0.0.1:" + env("RECT_PORT_BASE");
    }

        private String serviceUrl(String service) {
        int base = Integer.parseInt(env("RECT_PORT_BASE"));
        return "http://127.0.0.1:" + (base + 1 + SERVICES.indexOf(service));
    }

    private String database(String service) {
        return env("RECT_DB_PREFIX") + "_" + service.substring(0, service.indexOf('-'));
    }

    private void say(String line) {
        System.out.printf("faults %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, line);
    }

    boolean run() throws Exception {
        List<String> openTasks = openTasks();
        say("load: 3 public submitters on publication " + env("FAULTS_PUBLICATION") + ", 1 staff reporting progress on "
                + openTasks.size() + " tasks");
        List<Thread> load = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int submitter = i;
            load.add(started(new Thread(() -> submit(submitter), "submitter-" + i)));
        }
        load.add(started(new Thread(() -> reportProgress(openTasks), "staff")));
        Map<TopicPartition, Long> poison;
        try {
            pause(Duration.ofSeconds(3));
            killBroker();
            for (String service : SERVICES) {
                killService(service);
            }
            cutDatabases();
            poison = sendPoison();
            pause(Duration.ofSeconds(3));
        } finally {
            loading.set(false);
            for (Thread thread : load) {
                thread.join();
            }
        }
        say("load stopped: " + acceptedCodes.size() + " submissions and " + acceptedReports.size()
                + " progress reports accepted; answers " + new TreeMap<>(answers));
        settle();
        if ("lose-submission".equals(env.get("FAULTS_PROVE_FAILURE"))) {
            loseOneSubmission();
        }
        checkSubmissions();
        checkProgressReports();
        checkDeadLetters(poison);
        checkAnswers();
        checkJsonLogs();
        checkTopicAcls();
        if (failures.isEmpty()) {
            say("PASSED: nothing lost, nothing doubled, read models equal the sources, no consumer stuck");
            return true;
        }
        say("FAILED:");
        failures.forEach(failure -> System.out.println("  - " + failure));
        return false;
    }

    // ------------------------------------------------------------------ load

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
    }

    private void submit(int submitter) {
        String url = serviceUrl("feedback-service") + "/publications/" + env("FAULTS_PUBLICATION") + "/feedback";
        for (int n = 1; loading.get(); n++) {
            String text = "故障演练意见 " + submitter + "-" + n + "：建议按季度公开整改进展，并说明未完成事项的原因。";
            String body = "{\"text\":\"" + text + "\"" + (n % 2 == 0 ? ",\"name\":\"演练\",\"phone\":\"13800000000\"" : "") + "}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "10.9." + submitter + "." + (n % 250 + 1) + "")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            send(request, "submit", answer -> {
                Matcher code = TRACKING.matcher(answer.body());
                if (!code.find()) {
                    failures.add("a submission answered 201 without a tracking code: " + answer.body());
                } else {
                    acceptedCodes.add(code.group(1).replace("-", ""));
                }
            });
            pause(SUBMITTER_PAUSE);
        }
    }

    private void reportProgress(List<String> tasks) {
        for (int n = 0; loading.get(); n++) {
            String task = tasks.get(n % tasks.size());
            String body = "{\"cadence\":\"WEEKLY\",\"periodStart\":\"2025-01-06\",\"periodEnd\":\"2025-01-12\","
                    + "\"percentComplete\":50,\"text\":\"故障演练进展 " + n + "\"}";
            // Through the gateway, as the console sends them: while tasks-service is down or
            // restarting, the gateway must answer 503 problem+json with Retry-After too.
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/tasks/tasks/" + task + "/progress-reports"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + env("FAULTS_TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            send(request, "progress", answer -> {
                Matcher id = ID.matcher(answer.body().substring(answer.body().indexOf("\"report\"") + 1));
                if (answer.body().contains("\"report\"") && id.find()) {
                    acceptedReports.add(id.group(1));
                } else {
                    failures.add("a progress report answered 201 without its id: " + answer.body());
                }
            });
            pause(Duration.ofMillis(50));
        }
    }

    private void send(HttpRequest request, String what, java.util.function.Consumer<HttpResponse<String>> created) {
        try {
            AtomicInteger flying = inFlightOf(what);
            HttpResponse<String> answer;
            flying.incrementAndGet();
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            } finally {
                flying.decrementAndGet();
            }
            int status = answer.statusCode();
            answers.computeIfAbsent(what + " " + status, k -> new AtomicInteger()).incrementAndGet();
            if (status == 201) {
                created.accept(answer);
            } else if (status >= 500 && !(status == 503 && answer.headers().firstValue("Retry-After").isPresent()
                    && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"))) {
                forbiddenAnswers.add(what + " answered " + status + " without being a 503 problem+json with Retry-After: "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            } else if (status >= 400 && status < 500) {
                // Every request of the load is valid and authorised: a 4xx blames the client for the server's trouble.
                unexpectedClientErrors.add(what + " " + request.uri().getPath() + " answered " + status + ": "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
            if (status != 201) {
                pause(Duration.ofMillis(100));
            }
        } catch (IOException e) {
            // No answer at all (the service is down): the client does not know, and nothing is asserted of it.
            answers.computeIfAbsent(what + " no answer", k -> new AtomicInteger()).incrementAndGet();
            pause(Duration.ofMillis(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> openTasks() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(serviceUrl("tasks-service") + "/tasks?size=20"))
                .header("Authorization", "Bearer " + env("FAULTS_TOKEN")).build(), HttpResponse.BodyHandlers.ofString());
        // The tasks' own ids only: a task's JSON holds other objects with an id of their own (its
        // units), which a pattern over the text took for tasks (the 404s of earlier runs).
        List<String> ids = new ArrayList<>();
        if (answer.statusCode() == 200) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("items")
                    .forEach(task -> ids.add(task.path("id").asText()));
        }
        if (answer.statusCode() != 200 || ids.isEmpty()) {
            throw new IllegalStateException("no tasks to report progress on: " + answer.statusCode() + " " + answer.body());
        }
        return ids;
    }

    // ------------------------------------------------------------------ faults

    private void killBroker() throws Exception {
        long pid = pid("kafka");
        String flying = whenInFlight("submit");
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        waitFor("the broker (pid " + pid + ") to die", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        say("broker killed (SIGKILL, pid " + pid + ") with " + flying + "; load goes on for 3 s without it");
        pause(Duration.ofSeconds(3));
        long down = System.nanoTime();
        stack("restart-broker");
        say("broker back after " + seconds(down) + " s of restart");
    }

    private void killService(String service) throws Exception {
        long pid = pid(service);
        // tasks-service takes the progress reports; the submissions' events go on to reporting-service
        String flying = whenInFlight(service.equals("tasks-service") ? "progress" : "submit");
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        waitFor(service + " (pid " + pid + ") to die", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        say(service + " killed (SIGKILL, pid " + pid + ") with " + flying);
        long down = System.nanoTime();
        stack("restart", service);
        say(service + " ready again " + seconds(down) + " s after the kill");
    }

    /**
     * Every service loses its database at once: new connections are refused (ALLOW_CONNECTIONS
     * false) and the open ones are terminated, for 4 s. The machine's PostgreSQL keeps running.
     */
    private void cutDatabases() throws Exception {
        String flying = whenInFlight("submit");
        for (String service : SERVICES) {
            admin("ALTER DATABASE " + database(service) + " ALLOW_CONNECTIONS false");
            admin("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + database(service) + "'");
        }
        say("databases cut off (connections refused and terminated) for 4 s, with " + flying);
        pause(Duration.ofSeconds(4));
        for (String service : SERVICES) {
            admin("ALTER DATABASE " + database(service) + " ALLOW_CONNECTIONS true");
        }
        say("databases open again");
    }

    /**
     * Waits (at most 5 s) until a request of the kind is in flight, so that the fault made next meets one;
     * says how many were.
     */
    private String whenInFlight(String what) {
        AtomicInteger flying = inFlightOf(what);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (flying.get() == 0 && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(1));
        }
        int now = flying.get();
        if (now == 0) {
            failures.add("no " + what + " request was in flight for 5 s before a fault: the load stopped");
        }
        return now + " " + what + " request" + (now == 1 ? "" : "s") + " in flight";
    }

    private AtomicInteger inFlightOf(String what) {
        return inFlight.computeIfAbsent(what, k -> new AtomicInteger());
    }

    /** One message of a NUL byte and garbage on every partition of every topic; where each landed. */
    private Map<TopicPartition, Long> sendPoison() throws Exception {
        Properties config = kafkaAdmin();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Map<TopicPartition, Long> landed = new HashMap<>();
        byte[] poison = "\u0000garbage".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (String topic : TOPICS) {
                int partitions = producer.partitionsFor(topic).size();
                for (int partition = 0; partition < partitions; partition++) {
                    RecordMetadata at = producer.send(new ProducerRecord<>(topic, partition, null, poison)).get();
                    landed.put(new TopicPartition(topic, partition), at.offset());
                }
            }
        }
        say("poison sent (a NUL byte and garbage) to " + landed.size() + " partitions: " + new TreeMap<>(asText(landed)));
        return landed;
    }

    // ------------------------------------------------------------------ settling

    private void settle() throws Exception {
        long from = System.nanoTime();
        for (String service : SERVICES) {
            waitFor(service + " to be ready", () -> ready(service));
        }
        for (String service : List.of("tasks-service", "feedback-service")) {
            waitFor(service + "'s outbox to be published",
                    () -> "0".equals(query(database(service), "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")));
        }
        try (Admin admin = Admin.create(kafkaAdmin())) {
            waitFor("every consumer group to reach the end of its topics (lag 0)", () -> lag(admin).isEmpty());
        }
        say("settled " + seconds(from) + " s after the load stopped: all ready, outboxes published, lag 0");
    }

    private boolean ready(String service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(serviceUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The partitions of every consumer group that are behind the end of their topic. */
    private Map<String, Long> lag(Admin admin) {
        try {
            Map<String, Long> behind = new TreeMap<>();
            for (String group : consumerGroups(admin)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (String topic : TOPICS) {
                    int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                    for (int p = 0; p < partitions; p++) {
                        if (subscribes(committed, topic)) {
                            ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
                        }
                    }
                }
                admin.listOffsets(ends).all().get().forEach((partition, end) -> {
                    OffsetAndMetadata at = committed.get(partition);
                    long behindBy = end.offset() - (at == null ? 0 : at.offset());
                    if (behindBy > 0) {
                        behind.put(group + " " + partition, behindBy);
                    }
                });
            }
            return behind;
        } catch (Exception e) {
            return Map.of("broker not answering", 1L);
        }
    }

    private static boolean subscribes(Map<TopicPartition, OffsetAndMetadata> committed, String topic) {
        return committed.keySet().stream().anyMatch(partition -> partition.topic().equals(topic));
    }

    private Set<String> consumerGroups(Admin admin) throws Exception {
        Set<String> groups = new TreeSet<>();
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            if (group.type().map(type -> type == GroupType.CONSUMER || type == GroupType.CLASSIC).orElse(true)) {
                groups.add(group.groupId());
            }
        }
        return groups;
    }

    // ------------------------------------------------------------------ checks

    /** Each accepted tracking code: one feedback, one RECEIVED history row, one published FeedbackReceived. */
    private void checkSubmissions() throws Exception {
        String feedback = database("feedback-service");
        Path codes = Files.createTempFile("faults-codes", ".txt");
        Files.write(codes, acceptedCodes);
        String wrong = query(feedback, """
                CREATE TEMP TABLE accepted (code text);
                \\copy accepted FROM '%s'
                -- History rows and events counted once per feedback, then hash-joined: a subquery per code
                -- over the outbox (no index on aggregate_id) grew with the square of the submissions (20,058
                -- took 11 minutes), and the tables' statistics, stale after the load, led the planner into
                -- the same nested loops.
                ANALYZE accepted;
                SET enable_nestloop = off;
                WITH history AS (SELECT feedback_id, count(*) AS n FROM feedback_history
                                 WHERE action = 'RECEIVED' GROUP BY feedback_id),
                     events AS (SELECT aggregate_id, count(*) FILTER (WHERE event_type = 'FeedbackReceived') AS received,
                                       count(*) FILTER (WHERE published_at IS NULL) AS unpublished
                                FROM outbox_event GROUP BY aggregate_id)
                SELECT string_agg(code || ': stored ' || stored || ', history ' || history || ', events ' || events
                                  || ', unpublished ' || unpublished, '; ')
                FROM (SELECT a.code, count(DISTINCT f.id) AS stored, coalesce(sum(h.n), 0) AS history,
                             coalesce(sum(e.received), 0) AS events, coalesce(sum(e.unpublished), 0) AS unpublished
                      FROM (SELECT DISTINCT code FROM accepted) a
                      LEFT JOIN feedback f ON f.tracking_code = a.code
                      LEFT JOIN history h ON h.feedback_id = f.id
                      LEFT JOIN events e ON e.aggregate_id = f.id::text
                      GROUP BY a.code) c
                WHERE stored <> 1 OR history <> 1 OR events <> 1 OR unpublished <> 0;
                """.formatted(codes));
        Files.delete(codes);
        if (!wrong.isEmpty()) {
            failures.add("accepted submissions not stored exactly once with their one published event: " + cut(wrong));
        }
        compare("feedback (id, status)", feedback, "SELECT id || ' ' || status FROM feedback",
                database("reporting-service"), "SELECT id || ' ' || status FROM rm_feedback");
        say("checked " + acceptedCodes.size() + " accepted submissions against feedback-service and reporting-service");
    }

    private void checkProgressReports() throws Exception {
        String tasks = database("tasks-service");
        Set<String> stored = lines(query(tasks, "SELECT id FROM progress_report"));
        Set<String> missing = new TreeSet<>(acceptedReports);
        missing.removeAll(stored);
        if (!missing.isEmpty()) {
            failures.add(missing.size() + " progress reports answered 201 are not stored: " + cut(missing.toString()));
        }
        // The event's aggregate is the task; the report is inside it, by its id.
        String doubled = query(tasks, """
                SELECT string_agg(id || ' x' || n, ', ') FROM (
                  SELECT p.id, (SELECT count(*) FROM outbox_event e WHERE e.event_type = 'TaskProgressReported'
                                AND e.aggregate_id = p.task_id::text
                                AND position(p.id::text IN e.envelope::text) > 0) AS n
                  FROM progress_report p) d WHERE n <> 1""");
        if (!doubled.isEmpty()) {
            failures.add("progress reports without exactly one TaskProgressReported event: " + cut(doubled));
        }
        compare("progress reports", tasks, "SELECT id || ' ' || task_id || ' ' || percent_complete FROM progress_report",
                database("reporting-service"), "SELECT id || ' ' || task_id || ' ' || percent_complete FROM rm_progress_report");
        say("checked " + acceptedReports.size() + " accepted progress reports against tasks-service and reporting-service");
    }

    /** Every consumer of a topic recorded the poison of each of its partitions as a dead letter. */
    private void checkDeadLetters(Map<TopicPartition, Long> poison) throws Exception {
        int recorded = 0;
        try (Admin admin = Admin.create(kafkaAdmin())) {
            for (String group : consumerGroups(admin)) {
                String service = SERVICES.stream().filter(group::startsWith).findFirst().orElse(null);
                if (service == null) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Set<String> kept = lines(query(database(service), "SELECT topic || '-' || kafka_partition || '@' || kafka_offset "
                        + "FROM dead_letter WHERE consumer = '" + group + "' AND position('\\x00'::bytea IN payload) > 0"));
                for (Map.Entry<TopicPartition, Long> sent : poison.entrySet()) {
                    if (!subscribes(committed, sent.getKey().topic())) {
                        continue;
                    }
                    String at = sent.getKey() + "@" + sent.getValue();
                    if (kept.contains(at)) {
                        recorded++;
                    } else {
                        failures.add("consumer " + group + " did not record the poison at " + at + " as a dead letter");
                    }
                }
            }
        }
        say("checked the poison: " + recorded + " dead letters recorded with their NUL byte");
    }

    private void checkAnswers() {
        if (!forbiddenAnswers.isEmpty()) {
            failures.add(forbiddenAnswers.size() + " answers were a 5xx other than 503 problem+json with Retry-After, e.g. "
                    + forbiddenAnswers.get(0));
        }
        if (!unexpectedClientErrors.isEmpty()) {
            failures.add(unexpectedClientErrors.size() + " answers to valid requests were a 4xx, e.g. "
                    + unexpectedClientErrors.get(0));
        }
        if (acceptedCodes.isEmpty() || acceptedReports.isEmpty()) {
            failures.add("the load got nothing accepted (" + new TreeMap<>(answers) + "): nothing was tested");
        }
    }

    /**
     * The services run in the prod profile here, as in production: their log must be JSON lines for
     * the log collector (quarkus-logging-json), none in the plain-text console format.
     */
    private void checkJsonLogs() throws IOException {
        Pattern plainText = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+ +(TRACE|DEBUG|INFO|WARN|ERROR)");
        for (String service : SERVICES) {
            List<String> lines = Files.readAllLines(Path.of(env("RECT_STATE_DIR"), "logs", service + ".log"));
            long json = lines.stream().filter(line -> line.startsWith("{") && line.contains("\"level\":")
                    && line.contains("\"message\":")).count();
            List<String> plain = lines.stream().filter(line -> plainText.matcher(line).find()).toList();
            if (json == 0 || !plain.isEmpty()) {
                failures.add(service + "'s log is not JSON lines: " + json + " JSON records, " + plain.size()
                        + " plain-text ones" + (plain.isEmpty() ? "" : ", e.g. " + cut(plain.get(0))));
            }
        }
    }

    private void compare(String what, String sourceDb, String sourceSql, String readDb, String readSql) throws Exception {
        Set<String> source = lines(query(sourceDb, sourceSql));
        Set<String> read = lines(query(readDb, readSql));
        Set<String> missing = new TreeSet<>(source);
        missing.removeAll(read);
        Set<String> extra = new TreeSet<>(read);
        extra.removeAll(source);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            failures.add("reporting's " + what + " differ from the source: " + missing.size() + " missing "
                    + cut(missing.toString()) + ", " + extra.size() + " not in the source " + cut(extra.toString()));
        }
    }

    private void loseOneSubmission() throws Exception {
        String code = acceptedCodes.iterator().next();
        query(database("feedback-service"), """
                DELETE FROM feedback_history WHERE feedback_id IN (SELECT id FROM feedback WHERE tracking_code = '%1$s');
                DELETE FROM feedback WHERE tracking_code = '%1$s';""".formatted(code));
        say("FAULTS_PROVE_FAILURE=lose-submission: deleted the accepted submission " + code + "; the checks must fail");
    }

    // ------------------------------------------------------------------ authorisation

    /**
     * The broker the whole run went through takes SCRAM users with production's ACLs: a service's
     * user may write its own topic, never another's (a forged FeedbackEscalated from tasks-service's
     * or reporting-service's credentials is refused), and an unauthenticated client gets nowhere.
     */
    private void checkTopicAcls() throws Exception {
        // The refusals expected here make the producer's sender log ERROR with a stack trace each,
        // which in CI's output reads like a failure; what was refused is in the result instead.
        Configurator.setLevel("org.apache.kafka.clients.producer.internals", Level.OFF);
        Map<String, String> own = Map.of("tasks-service", "rectification.tasks.v1", "feedback-service", "rectification.feedback.v1");
        for (String service : SERVICES) {
            for (String topic : TOPICS) {
                boolean allowed = topic.equals(own.get(service));
                String result = tryProduce(kafkaUser(service), topic);
                if (result.equals("written") != allowed) {
                    failures.add(service + "'s Kafka user producing to " + topic + ": " + result
                            + " (expected " + (allowed ? "written" : "denied") + ")");
                }
            }
        }
        Properties anonymous = new Properties();
        anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + env("RECT_KAFKA_PORT"));
        String result = tryProduce(anonymous, "rectification.feedback.v1");
        if (result.equals("written")) {
            failures.add("a client without credentials wrote to rectification.feedback.v1");
        }
        say("checked the broker's ACLs: each service's user writes only its own topic; without credentials: " + result);
    }

    /** A record on partition 0 of the topic, as the services' relay sends it (idempotent, acks=all). */
    private String tryProduce(Properties config, String topic) {
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        // Run after every other check: an allowed write leaves an empty record, which the consumers
        // dead-letter, on a stack that is thrown away.
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, 0, null, new byte[0])).get(20, TimeUnit.SECONDS);
            return "written";
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "denied (" + cause.getClass().getSimpleName() + ")";
        }
    }

    // ------------------------------------------------------------------ helpers

    private long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(Path.of(env("RECT_STATE_DIR"), "run", name + ".pid")).trim());
    }

    /** The broker's admin (a super user) as the stack writes its client configuration. */
    private Properties kafkaAdmin() throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(Path.of(env("RECT_STATE_DIR"), "secrets", "kafka-admin.properties"))) {
            config.load(in);
        }
        return config;
    }

    /** A service's own SCRAM-SHA-512 user, as the stack starts the service with it. */
    private Properties kafkaUser(String service) throws IOException {
        String password = Files.readString(Path.of(env("RECT_STATE_DIR"), "secrets", "kafka-" + service + ".password")).trim();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + env("RECT_KAFKA_PORT"));
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + service + "\" password=\"" + password + "\";");
        return config;
    }

    private void stack(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(env("FAULTS_STACK")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(env("RECT_STATE_DIR"), "logs", "faults-stack.log").toFile()))
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("stack " + String.join(" ", args) + " failed; see "
                    + env("RECT_STATE_DIR") + "/logs/faults-stack.log");
        }
    }

    private String query(String database, String sql) {
        return psql("rectification", database, sql);
    }

    private void admin(String sql) {
        psql("postgres", "postgres", sql);
    }

    private String psql(String user, String database, String sql) {
        try {
            Process process = new ProcessBuilder("psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1",
                    "-h", "127.0.0.1", "-U", user, "-d", database).redirectErrorStream(true).start();
            process.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("psql on " + database + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
        while (true) {
            boolean holds;
            try {
                holds = condition.getAsBoolean();
            } catch (RuntimeException e) {
                holds = false;
            }
            if (holds) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + SETTLE_DEADLINE.toSeconds() + " s");
            }
            pause(Duration.ofMillis(250));
        }
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new HashSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return Collections.unmodifiableSet(lines);
    }

    private static Map<String, Long> asText(Map<TopicPartition, Long> offsets) {
        Map<String, Long> text = new HashMap<>();
        offsets.forEach((partition, offset) -> text.put(partition.toString(), offset));
        return text;
    }

    private static String cut(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static String seconds(long fromNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - fromNanos) / 1e9);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
