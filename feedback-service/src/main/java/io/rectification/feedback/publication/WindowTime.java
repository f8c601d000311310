package io.rectification.feedback.publication;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.platform.rest.InputLimits;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * One end of a publication's window as staff send it: a local date-time in the publication's zone
 * ({@code 2025-11-06T00:00:00}, as a notice states it), or a moment with its offset
 * ({@code 2025-11-06T00:00:00+08:00}, as GET answers it, so that what was read can be sent back).
 */
@Schema(type = SchemaType.STRING, description = "yyyy-MM-ddTHH:mm[:ss] in the publication's timeZone, or with an offset "
        + "(…+08:00, …Z) as GET answers it", examples = {"2025-11-06T00:00:00", "2025-11-06T00:00:00+08:00"})
public record WindowTime(String text, LocalDateTime local, OffsetDateTime moment) {

    /**
     * What a body's value becomes. It takes any JSON value, not only text: Jackson would build this
     * record from an object ({@code {}}) through its canonical constructor, with every part null, and
     * the window would fail far from here (a 500). A refusal is an IllegalArgumentException, whose
     * message the problem answer names the field with. Not public: a JsonNode is no value for a
     * caller to pass (PackageStructureTest), only the shape Jackson hands over.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WindowTime read(JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("expected a date-time such as 2026-12-31T23:59:59 in the organisation's"
                    + " zone (timeZone), or with an offset (2026-12-31T23:59:59+08:00)");
        }
        return parse(value.textValue());
    }

    public static WindowTime parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        WindowTime time;
        try {
            time = new WindowTime(trimmed, LocalDateTime.parse(trimmed), null);
        } catch (DateTimeParseException notLocal) {
            try {
                time = new WindowTime(trimmed, null, OffsetDateTime.parse(trimmed));
            } catch (DateTimeParseException notAMoment) {
                throw new IllegalArgumentException("not a date-time: give yyyy-MM-ddTHH:mm[:ss], with or without an offset");
            }
        }
        // the range every date of a body keeps (a year such as +999999999 would fail in PostgreSQL)
        String problem = InputLimits.dateProblem(time.local != null ? time.local.toLocalDate() : time.moment.toLocalDate());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return time;
    }

    /** The local date-time in the publication's zone. */
    public LocalDateTime in(ZoneId zone) {
        return local != null ? local : moment.atZoneSameInstant(zone).toLocalDateTime();
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }
}
