package io.rectification.feedback.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form fields POST /open311/v2/requests.json and .xml read (GeoReport v2's, with this server's
 * attributes), for the OpenAPI document only: the resource reads the form itself, so that a refusal
 * is answered in GeoReport's shape. Fields not listed here are ignored.
 */
@Schema(name = "Open311RequestForm", description = "A GeoReport v2 service request as this server reads it, form-encoded")
public record Open311RequestForm(
        @JsonProperty("api_key") @Schema(required = true,
                description = "the integration client's key (a token from the identity provider); 403 when it is not valid")
        String apiKey,
        @JsonProperty("service_code") @Schema(required = true,
                enumeration = {"opinion", "suggestion", "complaint", "misconduct_report"},
                description = "the kind of feedback (GET /open311/v2/services.json lists them); it sets the reply deadline")
        String serviceCode,
        @Schema(required = true, maxLength = 4000, description = "the feedback's text. The same text (case, spaces and "
                + "punctuation ignored) on the same publication from the same client and caller (the same first_name, "
                + "last_name, phone and email, or none of them twice) within the duplicate window is refused 409, without "
                + "the earlier request's id (the client's search lists it); another caller's same words are stored")
        String description,
        @JsonProperty("attribute[publication_id]") @Schema(required = true, format = "uuid",
                description = "the publication (整改情况公布) the feedback is about; 409 outside its disclosure window")
        String publicationId,
        @JsonProperty("attribute[area_id]") @Schema(format = "uuid", description = "the feedback area it concerns, when"
                + " known: one of the publication's inspection (another's is 400, one not known here 422)")
        String areaId,
        @JsonProperty("attribute[task_id]") @Schema(format = "uuid", description = "the rectification task it concerns,"
                + " when known: one of the publication's inspection (another's is 400, one not known here 422)")
        String taskId,
        @JsonProperty("first_name") @Schema(description = "optional; kept with last_name as the submitter's name (at most 50 characters together)")
        String firstName,
        @JsonProperty("last_name") @Schema(description = "optional")
        String lastName,
        @Schema(maxLength = 30, pattern = "[0-9+()\\- ]{5,30}", description = "optional")
        String phone,
        @Schema(maxLength = 200, description = "optional")
        String email) {
}
