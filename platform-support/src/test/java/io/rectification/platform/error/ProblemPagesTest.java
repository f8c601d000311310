package io.rectification.platform.error;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class ProblemPagesTest {

    @Test
    void aNavigationGetsAPageAndAProgramKeepsJson() {
        // A browser's navigation, already ordered by quality as JAX-RS hands it over.
        assertTrue(ProblemPages.wantsPage(List.of(MediaType.TEXT_HTML_TYPE, MediaType.valueOf("application/xhtml+xml"),
                MediaType.WILDCARD_TYPE)));
        assertFalse(ProblemPages.wantsPage(List.of(MediaType.WILDCARD_TYPE)), "curl and most libraries");
        assertFalse(ProblemPages.wantsPage(List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE)));
        assertFalse(ProblemPages.wantsPage(List.of(MediaType.valueOf("text/*"))), "a wildcard is not a page");
        assertFalse(ProblemPages.wantsPage(List.of()));
    }

    @Test
    void thePageSaysWhatHappenedInWordsAndEscapesTheDetail() {
        String page = ProblemPages.html(new ErrorBody("about:blank", "Not found", 404,
                "published inspection <script>alert(1)</script> does not exist", "/reports/x/progress.html",
                List.of(), Map.of()));
        assertTrue(page.contains("<h1>页面不存在或尚未公开</h1>"), page);
        assertTrue(page.contains("404 Not found: published inspection &lt;script&gt;alert(1)&lt;/script&gt; does not exist"), page);
        assertFalse(page.contains("<script>"), page);

        assertTrue(ProblemPages.html(new ErrorBody("about:blank", "Service unavailable", 503, null, null, List.of(), Map.of()))
                .contains("<h1>服务暂时不可用</h1>"));
    }
}
