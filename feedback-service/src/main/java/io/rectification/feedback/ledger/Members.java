package io.rectification.feedback.ledger;

/**
 * The members of a tasks event the read model cannot do without. Reading the record is tolerant
 * (a missing member is null), so the handler names what it needs by its path in the event's data;
 * without it, or out of range, the event is dead-lettered with that path (Kafka's equivalent of a
 * 400 naming the field). A member that is not even of its type fails the record's decoding already.
 */
final class Members {

    private Members() {
    }

    static <T> T required(T value, String path) {
        if (value == null) {
            throw new IllegalArgumentException(path + ": is missing");
        }
        return value;
    }

    static String text(String value, String path) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(path + ": must be a non-empty string");
        }
        return value;
    }

    static int integer(Integer value, int min, int max, String path) {
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException(path + ": must be an integer from " + min + " to " + max);
        }
        return value;
    }

    static int integerOr(Integer value, int min, int max, int absent, String path) {
        return value == null ? absent : integer(value, min, max, path);
    }
}
