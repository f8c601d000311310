package io.rectification.tasks.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When look-back reviews (回头看) of a close-out fall due: 3, 6 and 12 months after the day of the
 * close-out, each review held counting as the next one. Each due date is computed once, forward
 * from the close-out day, and then only compared: turning a date back by months is not the inverse
 * of adding them at month ends (30 Nov + 3 months = 28 Feb, but 28 Feb − 3 months = 28 Nov).
 */
public final class LookBackSchedule {

    public static final List<Integer> MONTHS_AFTER_CLOSE_OUT = List.of(3, 6, 12);

    private LookBackSchedule() {
    }

    /** The day the next review is due, or empty when every scheduled review has been held. */
    public static Optional<LocalDate> nextDue(LocalDate closedOn, int reviewsHeld) {
        if (reviewsHeld < 0) {
            throw new IllegalArgumentException("reviewsHeld must not be negative: " + reviewsHeld);
        }
        return reviewsHeld >= MONTHS_AFTER_CLOSE_OUT.size() ? Optional.empty()
                : Optional.of(closedOn.plusMonths(MONTHS_AFTER_CLOSE_OUT.get(reviewsHeld)));
    }

    /** How many months after close-out the review after {@code reviewsHeld} held ones is scheduled. */
    public static int monthsAfterCloseOut(int reviewsHeld) {
        return MONTHS_AFTER_CLOSE_OUT.get(reviewsHeld);
    }
}
