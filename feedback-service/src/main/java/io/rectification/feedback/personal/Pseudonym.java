package io.rectification.feedback.personal;

import java.util.List;

/**
 * A value's pseudonym under the current key (what is stored from now on) and under each previous
 * key (what rows stored before the last rotation carry, matched by look-ups within a window until
 * {@link PersonalDataRekey} has cleared them).
 */
public record Pseudonym(String current, List<String> previous) {

    public Pseudonym {
        previous = List.copyOf(previous);
    }
}
