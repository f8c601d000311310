package io.rectification.feedback.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * What staff send to publish (or replace) a notice. The window's ends are local date-times in
 * {@code timeZone} (the organisation's zone, Asia/Shanghai when omitted), or moments with an offset
 * as GET answers them ({@link WindowTime}); both inclusive.
 */
@Schema(description = "A notice to publish: it needs its text (body) or a link to the report (reportUrl), or both;"
        + " a blank one counts as absent. windowEnd must not be before windowStart.")
public record PublicationInput(
        @NotNull UUID inspectionId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20_000) String body,
        @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String reportUrl,
        @NotNull WindowTime windowStart,
        @NotNull WindowTime windowEnd,
        @Size(max = 64) String timeZone,
        @Valid Channels channels) {
}
