package io.rectification.platform.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * A browser that asks for a page gets the problem as a page. A citizen following an old link to a
 * progress page or a report version, or a QR code printed before the window opened, should read
 * "尚未公开" in a page, not a JSON document. The status and headers stay those of the problem; only
 * the body and its type change, and only when the client's most preferred type is {@code text/html}
 * (what browsers send for a navigation). Programs asking for JSON or for anything ({@code *}{@code /*},
 * curl's and most libraries' default) keep {@code application/problem+json}.
 */
public class ProblemPages {

    /**
     * This filter's place among the response filters, which run in descending priority: a service's own
     * page for its public addresses (reporting-service's {@code PublicErrorPage}) runs before it, with a
     * higher one, and leaves it nothing to do.
     */
    public static final int PRIORITY = 100;

    @ServerResponseFilter(priority = PRIORITY)
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorBody problem && wantsPage(request.getAcceptableMediaTypes())) {
            response.setEntity(html(problem), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /** The client's first choice (JAX-RS orders them by quality) is HTML itself, not a wildcard. */
    public static boolean wantsPage(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return false;
        }
        MediaType first = acceptable.get(0);
        return "text".equalsIgnoreCase(first.getType()) && "html".equalsIgnoreCase(first.getSubtype());
    }

    static String html(ErrorBody problem) {
        String headline = headline(problem.status());
        StringBuilder page = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<link rel=\"icon\" href=\"data:,\"><title>").append(headline).append("</title>")
                .append("<style>body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;")
                .append("max-width:40rem;margin:4rem auto;padding:0 1rem;color:#303133;line-height:1.7}")
                .append("h1{font-size:1.4rem;font-weight:600}p.detail{color:#909399;font-size:.85rem;")
                .append("overflow-wrap:anywhere}</style></head><body>")
                .append("<h1>").append(headline).append("</h1><p>").append(advice(problem.status())).append("</p>")
                .append("<p class=\"detail\">").append(problem.status()).append(' ')
                .append(escape(problem.title()));
        if (problem.detail() != null) {
            page.append(": ").append(escape(problem.detail()));
        }
        return page.append("</p></body></html>\n").toString();
    }

    /** The page's heading for a status, in the public's words. */
    public static String headline(int status) {
        return switch (status) {
            case 404, 410 -> "页面不存在或尚未公开";
            case 401, 403 -> "无权访问此页面";
            case 429 -> "访问过于频繁";
            case 503 -> "服务暂时不可用";
            default -> status >= 500 ? "服务出现错误" : "请求有误";
        };
    }

    /** What the reader can do about it. */
    public static String advice(int status) {
        return switch (status) {
            case 404, 410 -> "链接可能有误，或内容尚未进入公开期限、已过公开期限。请核对链接，或到发布单位的网站查看。";
            case 401, 403 -> "此页面仅供工作人员使用。";
            case 429, 503 -> "请稍后再试。";
            default -> status >= 500 ? "请稍后再试；如问题持续，请将下面的信息告知网站管理员。" : "请核对链接后再试。";
        };
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
