package io.rectification.platform.rest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Content-Disposition of every download, read back as RFC 6266 and RFC 5987 say; no services. */
@Tag("fast")
class DownloadNameTest {

    @Test
    void aListIsNamedAsAnOfficeFilesItWithAnAsciiNameBesideIt() {
        DownloadName name = DownloadName.dated("整改任务清单", "省委第一巡视组", "task-list", LocalDate.of(2026, 12, 5), "xlsx");
        assertEquals("整改任务清单-省委第一巡视组-2026-12-05.xlsx", name.name());
        assertEquals("attachment; filename=\"task-list-2026-12-05.xlsx\"; filename*=UTF-8''"
                + "%E6%95%B4%E6%94%B9%E4%BB%BB%E5%8A%A1%E6%B8%85%E5%8D%95-%E7%9C%81%E5%A7%94%E7%AC%AC%E4%B8%80%E5%B7%A1%E8%A7%86%E7%BB%84"
                + "-2026-12-05.xlsx", name.attachment());
        assertEquals(name.name(), decoded(name.attachment()));
        assertTrue(name.inline().startsWith("inline; filename=\"task-list-2026-12-05.xlsx\"; filename*=UTF-8''"));
        assertEquals("整改任务清单-2026-12-05.csv",
                DownloadName.dated("整改任务清单", " ", "task-list", LocalDate.of(2026, 12, 5), "csv").name(), "no subject");
    }

    @Test
    void whatAFileSystemRefusesIsReplacedAndNothingEscapesTheQuotes() {
        DownloadName name = DownloadName.dated("整改任务清单", "第一/二组: \"专项\"*?<>|\\\u0007\u0085", "task-list",
                LocalDate.of(2026, 12, 6), "csv");
        assertEquals("整改任务清单-第一_二组_ _专项_________-2026-12-06.csv", name.name());
        DownloadName stored = DownloadName.stored("a\"b\\c%41.pdf");
        assertEquals("a_b_c%41.pdf", stored.name());
        assertEquals("attachment; filename=\"a_b_c_41.pdf\"; filename*=UTF-8''a_b_c%2541.pdf", stored.attachment(),
                "% is no escape in the plain name, and is encoded in the UTF-8 one");
        // RFC 5987 attr-chars travel as they are; a space, a quote's stand-in and the rest are encoded
        assertEquals("a%20b%28c%29%27d!#$&+-.^_`~", DownloadName.encoded("a b(c)'d!#$&+-.^_`~"));
        String long_ = "省".repeat(200);
        assertEquals(60, DownloadName.dated("整改任务清单", long_, "task-list", LocalDate.of(2026, 1, 1), "csv").name()
                .chars().filter(c -> c == '省').count(), "a long subject is cut");
    }

    @Test
    void aStoredFileKeepsItsNameAndItsAsciiNameKeepsTheExtension() {
        assertEquals("attachment; filename=\"2026_3_.pdf\"; filename*=UTF-8''2026%E5%B9%B4%E7%AC%AC3%E6%AC%A1%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81.pdf",
                DownloadName.stored("2026年第3次会议纪要.pdf").attachment());
        assertEquals("download.docx", DownloadName.stored("会议纪要.docx").ascii());
        assertEquals("minutes.pdf", DownloadName.stored("minutes.pdf").ascii());
        assertThrows(IllegalArgumentException.class, () -> DownloadName.stored("   "));
    }

    private static String decoded(String header) {
        String value = header.substring(header.indexOf("UTF-8''") + 7);
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
