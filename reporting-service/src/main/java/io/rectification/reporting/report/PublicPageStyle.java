package io.rectification.reporting.report;

import java.util.List;

/**
 * What the public pages in the progress page's look (the progress page, a public address refused:
 * {@link PublicErrorPage}) link, in order: /reports/public.css, the ground they share (the paper, the
 * text's colour, the font), said once, then the page's own sheet. Under /reports/ so the gateway
 * routes them with the report.
 */
public final class PublicPageStyle {

    static final String GROUND = "/reports/public.css";

    private PublicPageStyle() {
    }

    /** The sheets a page whose own sheet is {@code own} links, the ground first. */
    public static List<String> sheets(String own) {
        return List.of(GROUND, own);
    }
}
