package io.rectification.reporting.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.rest.EntityTags;

/**
 * An answer written once: its JSON and the strong ETag of those bytes (the tag's opaque part, without
 * quotes). {@link RevalidationFilter} sends such an answer as it is, and writes any other figures into one.
 */
public record TaggedJson(byte[] json, String tag) {

    public static TaggedJson of(ObjectMapper objectMapper, Object figures) {
        try {
            byte[] json = objectMapper.writeValueAsBytes(figures);
            return new TaggedJson(json, EntityTags.digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }
}
