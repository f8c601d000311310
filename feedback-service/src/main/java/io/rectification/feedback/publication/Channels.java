package io.rectification.feedback.publication;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The organisation's contact channels shown to the public (organisation data, not personal data). */
public record Channels(
        @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*", message = "only digits, spaces, +, -, ( and )") String phone,
        @Size(max = 100) String phoneHours,
        @Size(max = 300) String postalAddress,
        @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z\\- ]*", message = "only letters, digits, spaces and -") String postalCode,
        @Size(max = 200) @Email String email) {

    public static final Channels NONE = new Channels(null, null, null, null, null);
}
