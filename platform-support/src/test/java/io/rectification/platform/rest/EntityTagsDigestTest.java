package io.rectification.platform.rest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@Tag("fast")
class EntityTagsDigestTest {

    /** The first 128 bits of SHA-256 ("abc"), FIPS 180-2's example: the reused digest starts clean each time. */
    @Test
    void aTagIsTheFirstHalfOfTheBytesSha256AndTheSameAnswerGetsTheSameTag() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223", EntityTags.digest(abc));
        EntityTags.digest("another answer".getBytes(StandardCharsets.UTF_8));
        assertEquals("ba7816bf8f01cfea414140de5dae2223", EntityTags.digest(abc));
        assertNotEquals(EntityTags.digest(abc), EntityTags.digest("abd".getBytes(StandardCharsets.US_ASCII)));
    }
}
