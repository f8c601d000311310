package io.rectification.reporting.report;

import io.rectification.platform.rest.EntityTags;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The answer for a published version (its HTML, Markdown or PDF): a strong ETag of the bytes sent,
 * Last-Modified its publication, a Cache-Control for a public document that does not change, and 304
 * without a body to a request whose If-None-Match names the tag (weak forms too: the gateway's gzip
 * turns a strong tag weak) or, without one, whose If-Modified-Since is not before the publication.
 * Only a found version gets these headers: a 404 for a number not yet published is never cached.
 */
final class PublishedAnswer {

    /** How long a cache may keep a version's answer without asking again. */
    enum Caching {
        /**
         * The stored HTML and Markdown: never updated, never deleted (a correction is a new number),
         * so a year and {@code immutable} (a browser's reload does not even revalidate).
         */
        STORED("public, max-age=31536000, immutable"),
        /**
         * The PDF, laid out again from the stored HTML by each instance and each deployment (the
         * stylesheet, the font, the renderer may improve): the same text, not the same bytes, so a day.
         */
        LAID_OUT("public, max-age=86400");

        final String cacheControl;

        Caching(String cacheControl) {
            this.cacheControl = cacheControl;
        }
    }

    private PublishedAnswer() {
    }

    static Response.ResponseBuilder of(byte[] body, OffsetDateTime publishedAt, Caching caching,
                                       String ifNoneMatch, String ifModifiedSince) {
        EntityTag tag = tagOf(body);
        // HTTP dates have whole seconds: a publication at 10:00:00.7 is "not modified since 10:00:00"
        OffsetDateTime modified = publishedAt.truncatedTo(ChronoUnit.SECONDS);
        boolean notModified = ifNoneMatch != null
                ? EntityTags.matches(ifNoneMatch, tag.getValue())
                : notAfter(modified, ifModifiedSince);
        return (notModified ? Response.notModified() : Response.ok(body))
                .tag(tag)
                .lastModified(Date.from(modified.toInstant()))
                .header("Cache-Control", caching.cacheControl);
    }

    /** The strong ETag of a version's answer: of the bytes sent, so equal bytes from any instance, equal tags. */
    static EntityTag tagOf(byte[] body) {
        return new EntityTag(EntityTags.digest(body));
    }

    /** Whether {@code modified} is at or before the HTTP date sent; a date that cannot be read is ignored (RFC 9110). */
    private static boolean notAfter(OffsetDateTime modified, String ifModifiedSince) {
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            return !modified.toInstant().isAfter(
                    ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
