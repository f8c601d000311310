package io.rectification.reporting.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** PDFs laid out once per HTML, kept within their bytes, the least recently asked-for out first. */
@Tag("fast")
class LaidOutPdfsTest {

    private final List<String> laidOut = new ArrayList<>();
    private final LaidOutPdfs pdfs = new LaidOutPdfs();

    private byte[] ask(String html, int bytes) {
        return pdfs.of(html, () -> {
            laidOut.add(html);
            return new byte[bytes];
        });
    }

    @Test
    void theSameHtmlIsLaidOutOnceAndAnotherAgain() {
        byte[] first = ask("<p>第1版</p>", 10);
        assertArrayEquals(first, ask("<p>第1版</p>", 99));
        ask("<p>第1版，改过</p>", 10);
        assertEquals(List.of("<p>第1版</p>", "<p>第1版，改过</p>"), laidOut);
    }

    @Test
    void theLeastRecentlyAskedForGoFirstWhenTheBytesRunOver() {
        int third = (int) (LaidOutPdfs.KEPT_BYTES / 3);
        ask("a", third);
        ask("b", third);
        ask("c", third);
        ask("a", third); // asked for again: b is now the eldest
        ask("d", third); // over the bytes: b goes
        laidOut.clear();
        ask("a", third);
        ask("c", third);
        ask("d", third);
        ask("b", third);
        assertEquals(List.of("b"), laidOut);
    }

    @Test
    void onePdfLargerThanAllKeptIsLaidOutEachTime() {
        int tooLarge = (int) LaidOutPdfs.KEPT_BYTES + 1;
        ask("巨大的报告", tooLarge);
        ask("巨大的报告", tooLarge);
        assertEquals(2, laidOut.size());
    }
}
