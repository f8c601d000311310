package io.rectification.reporting.projection;

/**
 * What a read model cannot do without. Reading is tolerant (a missing member is null), so the
 * projection names the few members it needs; without one the event goes to the dead letters.
 */
final class Required {

    private Required() {
    }

    static <T> T member(T value, String eventType, String member) {
        if (value == null) {
            throw new IllegalArgumentException(eventType + " has no member '" + member + "'");
        }
        return value;
    }
}
