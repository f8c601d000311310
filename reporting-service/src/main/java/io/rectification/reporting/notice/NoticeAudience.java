package io.rectification.reporting.notice;

import java.util.Arrays;
import java.util.List;

/**
 * How a cause keeps whom its notices reach: the roles of its kind, comma-separated in
 * {@code notice_cause.audience_role} (a cause recorded before reply deadlines also reached the
 * feedback handlers holds the one role it had).
 */
final class NoticeAudience {

    private NoticeAudience() {
    }

    static String stored(List<String> roles) {
        return String.join(",", roles);
    }

    static List<String> roles(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
    }
}
