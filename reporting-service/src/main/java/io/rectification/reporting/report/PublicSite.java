package io.rectification.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the public finds the pages, as seen from outside (the gateway): the feedback form of a
 * publication, and this service's public pages. With {@code reporting.public.site-url} set, links are
 * absolute (a QR code needs a full address); without it they are relative to the gateway's origin and
 * there is no QR code.
 */
@ApplicationScoped
public class PublicSite {

    private final String siteUrl;
    private final String feedbackFormPath;

    public PublicSite(@ConfigProperty(name = "reporting.public.site-url") Optional<String> siteUrl,
                      @ConfigProperty(name = "reporting.public.feedback-form-path", defaultValue = "/feedback/index.html")
                      String feedbackFormPath) {
        this.siteUrl = siteUrl.map(String::strip).map(url -> url.replaceAll("/+$", "")).orElse("");
        this.feedbackFormPath = feedbackFormPath;
    }

    /** The public feedback form of a publication (feedback-service's page, behind the gateway). */
    public String feedbackForm(UUID publicationId) {
        return siteUrl + feedbackFormPath + "?publication="
                + URLEncoder.encode(publicationId.toString(), StandardCharsets.UTF_8);
    }

    /** The public progress page of an inspection. */
    public String progressPage(UUID inspectionId) {
        return siteUrl + "/reports/" + inspectionId + "/progress.html";
    }

    /** A published version of the report. */
    public String reportVersion(UUID inspectionId, int number) {
        return siteUrl + "/reports/" + inspectionId + "/versions/" + number + ".html";
    }

    /** Whether links are absolute, so that a QR code of them can be followed from a phone. */
    public boolean absolute() {
        return !siteUrl.isEmpty();
    }
}
