package io.rectification.platform.rest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Prefer} request header (RFC 7240). Preferences are wishes, not commands: one this
 * service does not know, or gives a value it cannot read, is ignored (section 2), never refused.
 */
public final class Preferences {

    private static final String WAIT = "wait";

    private Preferences() {
    }

    /**
     * {@code wait=SECONDS}: how long the client would rather the server took before answering
     * (section 4.3); the first one given counts, as for any preference given twice.
     * Empty when there is none or its value is not a whole number of seconds.
     */
    public static Optional<Duration> waitOf(String prefer) {
        if (prefer == null) {
            return Optional.empty();
        }
        // preferences are separated by commas; a preference's own parameters follow it after semicolons
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].strip();
            int equals = token.indexOf('=');
            String name = (equals < 0 ? token : token.substring(0, equals)).strip();
            if (!name.toLowerCase(Locale.ROOT).equals(WAIT)) {
                continue;
            }
            return seconds(equals < 0 ? "" : unquoted(token.substring(equals + 1).strip()));
        }
        return Optional.empty();
    }

    private static Optional<Duration> seconds(String value) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
