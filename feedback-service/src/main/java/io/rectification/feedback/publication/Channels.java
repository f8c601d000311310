package io.rectification.feedback.publication;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The organisation's contact channels shown to the public (organisation data, not personal data).
 * The patterns are anchored (^…$) although bean validation matches the whole value anyway, because
 * the OpenAPI document copies them and a JSON Schema pattern matches anywhere in the value.
 */
public record Channels(
        @Size(max = 40) @Pattern(regexp = "^[0-9+()\\- ]*$", message = "only digits, spaces, +, -, ( and )") String phone,
        @Size(max = 100) String phoneHours,
        @Size(max = 300) String postalAddress,
        @Size(max = 20) @Pattern(regexp = "^[0-9A-Za-z\\- ]*$", message = "only letters, digits, spaces and -") String postalCode,
        @Schema(format = "email") @Size(max = 200) @Email String email) {

    public static final Channels NONE = new Channels(null, null, null, null, null);
}
