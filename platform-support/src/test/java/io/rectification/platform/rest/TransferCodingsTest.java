package io.rectification.platform.rest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("fast")
class TransferCodingsTest {

    @Test
    void chunkedAloneOrNoCodingIsRead() {
        assertEquals(0, TransferCodings.statusFor(""));
        assertEquals(0, TransferCodings.statusFor("chunked"));
        assertEquals(0, TransferCodings.statusFor(" Chunked "));
    }

    @Test
    void aLastCodingOtherThanChunkedLeavesTheLengthUnknown() {
        assertEquals(400, TransferCodings.statusFor("xchunked"));
        assertEquals(400, TransferCodings.statusFor("gzip"));
        assertEquals(400, TransferCodings.statusFor("chunked, identity"));
        assertEquals(400, TransferCodings.statusFor("chunked,"));
    }

    @Test
    void aCodingBeforeChunkedIsNotImplemented() {
        assertEquals(501, TransferCodings.statusFor("gzip, chunked"));
        assertEquals(501, TransferCodings.statusFor("gzip,chunked"), "two header lines, joined");
    }
}
