package io.rectification.platform.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers of the CloudEvents Kafka protocol binding (1.0) on every published record.
 *
 * <p>The record is in structured mode: its value is the whole envelope as JSON, and
 * {@code content-type: application/cloudevents+json} says so, which is how a CloudEvents SDK
 * chooses to read the value. The {@code ce_} attributes are copied into headers as well, so a
 * router, a filter or a tool like kcat can select by type, source or time without parsing the
 * value; the value stays the one the consumers read (records written before the headers existed
 * have only {@code ce_id} and {@code ce_type}, or none, and read the same). The Kafka key is the
 * subject, which the binding calls the partition key.
 */
public final class CloudEventHeaders {

    /** Structured mode, JSON event format. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private CloudEventHeaders() {
    }

    /** The headers of one envelope's attributes; an attribute that is null is left out. */
    public static Headers of(String specversion, String id, String source, String type, String subject, String time) {
        Headers headers = new RecordHeaders();
        add(headers, "content-type", CONTENT_TYPE);
        add(headers, "ce_specversion", specversion);
        add(headers, "ce_id", id);
        add(headers, "ce_source", source);
        add(headers, "ce_type", type);
        add(headers, "ce_subject", subject);
        add(headers, "ce_time", time);
        return headers;
    }

    /** The text of the last header {@code name} (UTF-8); null when there is none or it has no value. */
    public static String value(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
