package io.rectification.platform.testing;

import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends typical attack input to every write operation of the running service (taken from its
 * OpenAPI document) and demands a 4xx answer with a problem+json body each time, and an unchanged
 * database (every read, too, meets the hostile path and query values: never a 5xx): SQL, script, path traversal and CR LF header injection in path segments, query
 * parameters and the headers the services read; oversized and deeply nested JSON, invalid UTF-8,
 * a body of the wrong type, and none at all (empty, or JSON null: refused as the body, field body); and ({@link FieldLimits}) in every JSON field and whole-number
 * query parameter a value beyond the platform's input limits, answered 400 naming the field.
 */
public final class HostileInput {

    private static final String ID = "00000000-0000-4000-8000-000000000000";
    static final List<String> PATH_VALUES = List.of("1'; DROP TABLE outbox_event; --", "<script>alert(1)</script>",
            "../../etc/passwd", "\u0000", "' OR '1'='1", "x\r\nX-Injected: yes",
            // A day LocalDate reads but no day's arithmetic or PostgreSQL can hold (date filters are text
            // in the OpenAPI documents, so every text parameter meets it).
            "+999999999-12-31");
    /**
     * Headers the services read, carrying injection. The HTTP client sends CR LF inside a header as
     * spaces (a raw CR LF would only end the header); decoded CR LF reaches the services through the
     * path and query values above, and no answer may carry it into a header of its own.
     */
    static final Map<String, String> HEADER_VALUES = Map.of(
            "If-Match", "\"1'; DROP TABLE outbox_event; --\"",
            // No media type: the router failed on it with a bare 500 (platform error.OutcomeFirst reads it now).
            "Accept", "<script>alert(1)</script>",
            "Accept-Language", "<script>alert(1)</script>",
            "X-Forwarded-For", "1.1.1.1\r\nX-Injected: yes",
            "Idempotency-Key", "../../etc/passwd\r\nX-Injected: yes");

    private HostileInput() {
    }

    /** @param token a token allowed to call every write operation */
    public static void verify(String token) throws SQLException {
        verify(token, table -> true);
    }

    /**
     * As above, comparing only the tables {@code writtenByApi} accepts: tables that event
     * consumers fill in the background change on their own while the test runs. The consumers'
     * own bookkeeping (consumed_event, dead_letter) is never compared.
     */
    public static void verify(String token, Predicate<String> writtenByApi) throws SQLException {
        Predicate<String> compared = writtenByApi
                .and(table -> !table.equals("consumed_event") && !table.equals("dead_letter"));
        var config = ConfigProvider.getConfig();
        String jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        long bodyLimitBytes = config.getValue("quarkus.http.limits.max-body-size",
                MemorySize.class).asLongValue();
        Map<String, Long> before = rowCounts(jdbcUrl, user, password, compared);
        List<String> failures = new ArrayList<>();
        Map<String, AccessMatrix.Operation> operations = AccessMatrix.operations();
        for (Map.Entry<String, AccessMatrix.Operation> entry : operations.entrySet()) {
            String operation = entry.getKey();
            String[] methodAndPath = operation.split(" ", 2);
            String method = methodAndPath[0];
            String template = methodAndPath[1];
            if (method.equals("GET")) {
                reads(failures, template, token, entry.getValue().queryParameters());
                continue;
            }
            if (method.equals("DELETE")) {
                continue;
            }
            String path = template.replaceAll("\\{[^}]+}", ID);
            // Bodies go only to operations that read one: an action without a body (start, rebuild) ignores it.
            if (entry.getValue().takesBody()) {
                for (Map.Entry<String, byte[]> body : bodies().entrySet()) {
                    check(failures, operation + " with " + body.getKey(), authorised(method, path, token)
                            .body("application/json", body.getValue()).send());
                }
                for (String missing : new String[]{"", "null"}) {
                    missingBody(failures, operation + " with " + (missing.isEmpty() ? "an empty body" : "a JSON null body"),
                            authorised(method, path, token).body("application/json", missing).send());
                }
                check(failures, operation + " with an XML body", authorised(method, path, token).body("application/xml",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").send());
                oversized(failures, operation, method, path, token, bodyLimitBytes);
            }
            if (entry.getValue().takesBody()) {
                // With a body refused for its own sake: the headers meet the filters and the refusal.
                PlainHttp headers = authorised(method, path, token).body("application/json", "{\"title\": \"x");
                HEADER_VALUES.forEach(headers::header);
                check(failures, operation + " with injection in headers", headers.send());
            }
            for (String parameter : entry.getValue().queryParameters()) {
                for (String value : PATH_VALUES) {
                    check(failures, operation + " with query " + parameter + "=" + value.strip(), authorised(method, path, token)
                            .body("application/json", "{}").query(parameter, value).send());
                }
            }
            if (template.contains("{")) {
                for (String value : PATH_VALUES) {
                    String hostile = hostilePath(template, value);
                    check(failures, operation + " with path " + hostile, authorised(method, hostile, token)
                            .body("application/json", "{}").send());
                }
            }
        }
        longRequestLine(failures, token);
        unknownTransferCodings(failures, token, operations);
        FieldLimits limits = new FieldLimits(token, failures);
        int refusedValues = limits.verify(ID);
        assertTrue(refusedValues > 0, "the OpenAPI document names no JSON field or number parameter to check");
        assertTrue(limits.pages() > 0, "the OpenAPI document names no operation answering a page");
        System.out.println("hostile input: " + refusedValues + " values beyond the input limits sent");
        assertTrue(failures.isEmpty(), "hostile input:\n  " + String.join("\n  ", failures));
        assertEquals(before, rowCounts(jdbcUrl, user, password, compared), "refused input left the database unchanged");
    }

    /**
     * A read with hostile path and query values: a search may well find nothing and answer 200,
     * but never a 5xx (a NUL in an id reached PostgreSQL, which cannot compare text holding one,
     * and answered 500), and a refusal is a problem. Open311's own endpoints answer its error
     * format, not problem+json, as its specification says.
     */
    private static void reads(List<String> failures, String template, String token, List<String> queryParameters) {
        String path = template.replaceAll("\\{[^}]+}", ID);
        boolean problems = !template.startsWith("/open311/");
        for (String value : PATH_VALUES) {
            for (String parameter : queryParameters) {
                checkRead(failures, "GET " + template + " with query " + parameter + "=" + value.strip(), problems,
                        authorised("GET", path, token).query(parameter, value).send());
            }
            if (template.contains("{")) {
                String hostile = hostilePath(template, value);
                checkRead(failures, "GET " + hostile, problems, authorised("GET", hostile, token).send());
            }
        }
    }

    /** The template with {@code value} (encoded) as its first path parameter and a well-formed id for the others. */
    private static String hostilePath(String template, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        return template.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(encoded)).replaceAll("\\{[^}]+}", ID);
    }

    private static void checkRead(List<String> failures, String what, boolean problems, PlainHttp.Answer response) {
        if (response.status() < 400) {
            return;
        }
        if (problems) {
            check(failures, what, response);
        } else if (response.status() >= 500) {
            failures.add(what + ": expected a 4xx, got " + response.status());
        }
    }

    static Map<String, byte[]> bodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("deeply nested JSON", ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
        bodies.put("truncated JSON", "{\"title\": \"x".getBytes(StandardCharsets.UTF_8));
        bodies.put("a JSON string instead of an object", "\"'; DROP TABLE outbox_event; --\"".getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    private static PlainHttp authorised(String method, String path, String token) {
        return PlainHttp.request(method, path).bearer(token);
    }

    /**
     * Announces a body over the limit. Sent on a raw socket: the server answers and closes before
     * reading such a body, which an HTTP client that insists on sending it reports as a broken pipe.
     */
    private static void oversized(List<String> failures, String operation, String method, String path, String token,
                                  long bodyLimitBytes) {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (bodyLimitBytes + 1) + "\r\n\r\n{\"title\":\"";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readAnswer(socket.getInputStream());
            String statusLine = answer.lines().findFirst().orElse("");
            if (!statusLine.startsWith("HTTP/1.1 413")) {
                failures.add(operation + " with an oversized body: expected 413, got " + statusLine);
            } else if (!answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json")
                    || !answer.contains("\"status\":413")) {
                failures.add(operation + " with an oversized body: 413 without a problem+json body: " + answer);
            }
        } catch (IOException e) {
            failures.add(operation + " with an oversized body: " + e);
        }
    }

    /**
     * A request line one character over the service's limit (a long query string) is a 414
     * problem+json naming the longest query parameter, with the request's id (Vert.x's own 414 has
     * neither body nor id); one at the limit is not refused for its length.
     */
    private static void longRequestLine(List<String> failures, String token) {
        int max = ConfigProvider.getConfig().getValue("platform.http.max-request-line-length", Integer.class);
        String start = "GET /?unit=1&ids=";
        String over = start + "x".repeat(max + 1 - (start + " HTTP/1.1").length());
        String answer = rawAnswer(failures, "a request line over the limit", over, token);
        if (!answer.startsWith("HTTP/1.1 414")) {
            failures.add("a request line of " + (max + 1) + " characters: expected 414, got " + answer.lines().findFirst().orElse(""));
        } else if (!answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json")
                || !answer.toLowerCase(java.util.Locale.ROOT).contains("x-request-id: ")
                || !answer.contains("\"field\":\"ids\"") || !answer.contains("\"maxLength\":" + max)) {
            failures.add("a request line over the limit: 414 without a problem+json body naming the parameter, or without an id: " + answer);
        }
        String at = start + "x".repeat(max - (start + " HTTP/1.1").length());
        answer = rawAnswer(failures, "a request line at the limit", at, token);
        if (answer.startsWith("HTTP/1.1 414")) {
            failures.add("a request line of " + max + " characters, the limit, was refused: " + answer);
        }
        // 20,000 Chinese characters pasted into a query, percent-encoded: far over the limit, and
        // still this service's answer, not Vert.x's bare one.
        String pasted = start + "%E9%95%BF".repeat(20_000);
        answer = rawAnswer(failures, "a request line of 180 KB", pasted, token);
        if (!answer.startsWith("HTTP/1.1 414") || !answer.contains("\"field\":\"ids\"")) {
            failures.add("a request line of " + pasted.length() + " characters: expected a 414 problem naming ids, got "
                    + answer.lines().findFirst().orElse(""));
        }
    }

    /**
     * A body announced with a transfer coding other than chunked (and a Content-Length beside it) is
     * refused before it is read, on every operation taking a body: 400 when chunked is not the last
     * coding (Vert.x read {@code xchunked} by its length, a proxy honouring the header would not: request
     * smuggling), 501 for a coding before chunked; both problem+json naming Transfer-Encoding. The
     * database is compared afterwards with the rest: nothing was written.
     */
    private static void unknownTransferCodings(List<String> failures, String token,
                                               Map<String, AccessMatrix.Operation> operations) {
        Map<String, Integer> expected = Map.of("xchunked", 400, "gzip", 400, "gzip, chunked", 501);
        for (Map.Entry<String, AccessMatrix.Operation> entry : operations.entrySet()) {
            String[] methodAndPath = entry.getKey().split(" ", 2);
            if (!entry.getValue().takesBody()) {
                continue;
            }
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", ID);
            expected.forEach((codings, status) -> {
                // framed as the last coding says: by its length, or in chunks (Netty refuses chunked beside a length)
                boolean chunked = codings.endsWith("chunked");
                String answer = rawAnswer(failures, entry.getKey() + " with Transfer-Encoding: " + codings,
                        methodAndPath[0] + " " + path, token, "Content-Type: application/json\r\nTransfer-Encoding: " + codings
                                + (chunked ? "" : "\r\nContent-Length: 2") + "\r\n", chunked ? "2\r\n{}\r\n0\r\n\r\n" : "{}");
                if (!answer.startsWith("HTTP/1.1 " + status) || !answer.contains("\"field\":\"Transfer-Encoding\"")
                        || !answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json")) {
                    failures.add(entry.getKey() + " with Transfer-Encoding: " + codings + ": expected a " + status
                            + " problem naming Transfer-Encoding, got " + answer.lines().findFirst().orElse(""));
                }
            });
        }
    }

    private static String rawAnswer(List<String> failures, String what, String requestLine, String token) {
        return rawAnswer(failures, what, requestLine, token, "", "");
    }

    private static String rawAnswer(List<String> failures, String what, String requestLine, String token, String headers,
                                    String body) {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = requestLine + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nAccept-Language: en\r\n" + headers + "\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            failures.add(what + ": " + e);
            return "";
        }
    }

    /** Head and body of one HTTP/1.1 answer (with Content-Length), read without waiting for a close. */
    private static String readAnswer(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headText);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headText + new String(body, StandardCharsets.UTF_8);
    }

    /**
     * A body that is not there: a 4xx problem, and a refusal of it names the body as {@code body}
     * (feedback's public intake, answering in the submitter's words, as "", the root's JSON Pointer),
     * never the Java parameter it would have been read into ("update", "input").
     */
    private static void missingBody(List<String> failures, String what, PlainHttp.Answer response) {
        check(failures, what, response);
        if (response.status() == 400 && response.isProblem()) {
            List<String> fields = response.errorFields();
            if (fields.size() != 1
                    || !List.of(io.rectification.platform.error.ErrorBody.FieldError.BODY, "").contains(fields.get(0))) {
                failures.add(what + ": a missing body is refused as the body (field body), not as " + fields
                        + ": " + response.body());
            }
        }
    }

    private static void check(List<String> failures, String what, PlainHttp.Answer response) {
        int status = response.status();
        if (status < 400 || status >= 500) {
            failures.add(what + ": expected a 4xx, got " + status);
            return;
        }
        if (!response.isProblem()) {
            failures.add(what + ": " + status + " without a problem+json body (" + response.contentType() + ")");
        }
        if (response.header("X-Injected") != null) {
            failures.add(what + ": input reached a response header (X-Injected)");
        }
        String text = response.body();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("SQL")) {
            failures.add(what + ": the body leaks internals: " + text.substring(0, Math.min(200, text.length())));
        }
    }

    /** Row count of every table in the public schema. */
    static Map<String, Long> rowCounts(String jdbcUrl, String user, String password,
                                       Predicate<String> watched) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (!watched.test(table)) {
                    continue;
                }
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }
}
