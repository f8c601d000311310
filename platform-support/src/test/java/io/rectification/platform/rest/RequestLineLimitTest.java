package io.rectification.platform.rest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which part of an over-long request line the 414 names (over HTTP: platform-support's HostileInput, in every service). */
@Tag("fast")
class RequestLineLimitTest {

    @Test
    void theLongestQueryParameterIsNamed() {
        assertEquals("ids", RequestLineLimit.longestPart("/tasks?unit=1&ids=" + "a,".repeat(3000) + "&page=2"));
    }

    @Test
    void aPathLongerThanAnyParameterIsNamedPath() {
        assertEquals("path", RequestLineLimit.longestPart("/" + "x".repeat(5000) + "?page=2"));
        assertEquals("path", RequestLineLimit.longestPart("/" + "x".repeat(5000)));
    }

    @Test
    void aParametersNameIsRepeatedOnlyInPart() {
        assertEquals("n".repeat(64), RequestLineLimit.longestPart("/?" + "n".repeat(5000)));
    }
}
