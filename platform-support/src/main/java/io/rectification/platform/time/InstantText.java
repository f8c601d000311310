package io.rectification.platform.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one way an instant is written in an answer, an event or an outgoing call: ISO 8601 at the
 * offset of the organisation's zone ({@code 2026-12-01T11:00:00+08:00}), whatever offset the value
 * came with. Values reach the writers with different offsets (PostgreSQL's are UTC, the clock's are
 * the zone's, an input keeps the sender's), and a reader should not meet two spellings of one kind
 * of time, nor "Z" beside "+08:00" in one answer.
 */
public record InstantText(ZoneId zone) {

    /** Seconds always, the fraction only as long as needed: as Jackson's own writers print it. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public InstantText {
        if (zone == null) {
            throw new IllegalArgumentException("a zone is needed");
        }
    }

    /** The same instant, at the zone's offset on that day. */
    public OffsetDateTime at(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** The instant as it is written. */
    public String format(Instant instant) {
        return FORMAT.format(at(instant));
    }

    /** The value's instant as it is written; null stays null. */
    public String format(OffsetDateTime time) {
        return time == null ? null : format(time.toInstant());
    }

    /**
     * The same tree with every text that is a date-time with an offset written as above, in place.
     * For JSON kept as text and answered as it is (a read model's snapshot, stored as the event
     * carried it, which may be from before this rule): its values are not typed, so a time is
     * known by its shape. Any other text, a date without a time included, is left as it is.
     */
    public JsonNode rewriteIn(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            object.properties().forEach(member -> {
                JsonNode value = member.getValue();
                if (value.isTextual()) {
                    String written = rewritten(value.textValue());
                    if (written != null) {
                        member.setValue(TextNode.valueOf(written));
                    }
                } else {
                    rewriteIn(value);
                }
            });
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                String written = value.isTextual() ? rewritten(value.textValue()) : null;
                if (written != null) {
                    array.set(i, TextNode.valueOf(written));
                } else {
                    rewriteIn(value);
                }
            }
        }
        return tree;
    }

    /** The text written by the rule when it is an ISO date-time with Z or an offset; null otherwise. */
    private String rewritten(String text) {
        int length = text.length();
        boolean shaped = length >= 17 && length <= 35 && text.charAt(4) == '-' && text.charAt(10) == 'T'
                && (text.charAt(length - 1) == 'Z' || text.charAt(length - 3) == ':' && "+-".indexOf(text.charAt(length - 6)) >= 0);
        if (!shaped) {
            return null;
        }
        try {
            return format(IsoDates.offsetDateTime(text).toInstant());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
