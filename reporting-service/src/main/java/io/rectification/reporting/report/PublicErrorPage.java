package io.rectification.reporting.report;

import io.quarkus.qute.TemplateInstance;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.error.ProblemPages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser following a public address of this service (under /reports/: a report version, the progress
 * page, a QR code printed before the window opened) that is refused gets a page in the public's words,
 * laid out by the Qute template templates/PublicErrorPage/error.html and styled by /reports/error.css
 * on the ground the progress page's look shares ({@link PublicPageStyle}; the service's CSP, style-src 'self', blocks the platform page's inline style). It says what the
 * address asked for (第2版, the progress page) and never the service's English or an id: those stay in
 * the problem+json programs get. The status and headers stay the problem's.
 *
 * <p>Runs before the platform's {@link ProblemPages} (response filters run in descending priority), which
 * then finds a page, not a problem, and leaves it.
 */
public class PublicErrorPage {

    /** Under /reports/ so the gateway routes it with the report. */
    static final String STYLESHEET = "/reports/error.css";
    private static final List<String> STYLESHEETS = PublicPageStyle.sheets(STYLESHEET);
    private static final String PUBLIC = "/reports/";
    private static final Pattern VERSION = Pattern.compile("/reports/[^/]+/versions/(\\d{1,9})\\.(?:html|md|pdf)");
    private static final Pattern PROGRESS = Pattern.compile("/reports/[^/]+/progress\\.html");

    /** The template's data; {@code explanation} may be null. */
    record error(String headline, String explanation, String advice, int status, List<String> stylesheets)
            implements TemplateInstance {
    }

    @ServerResponseFilter(priority = ProblemPages.PRIORITY + 10)
    public void asPublicPage(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getEntity() instanceof ErrorBody problem && path.startsWith(PUBLIC)
                && ProblemPages.wantsPage(request.getAcceptableMediaTypes())) {
            response.setEntity(page(path, problem.status()).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /** What the page says for the address asked for and the status it is refused with. */
    static error page(String path, int status) {
        Matcher version = VERSION.matcher(path);
        if (status == 404 && version.matches()) {
            return new error("该版本尚未公布", "整改情况报告第" + Integer.parseInt(version.group(1)) + "版尚未公布，或链接有误。",
                    "请核对链接，或查看整改情况报告已公布的版本。", status, STYLESHEETS);
        }
        if (status == 404 && PROGRESS.matcher(path).matches()) {
            return new error("整改进展页面尚未公开", "整改进展页面自整改情况公开期限开始之日起公开。",
                    "请核对链接，或到发布单位的网站查看。", status, STYLESHEETS);
        }
        if (status == 400) {
            return new error("链接有误", "链接不完整或有误，例如其中的编号少了字符。", "请核对链接后再试。", status, STYLESHEETS);
        }
        return new error(ProblemPages.headline(status), null, ProblemPages.advice(status), status, STYLESHEETS);
    }
}
