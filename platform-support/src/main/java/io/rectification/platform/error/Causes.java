package io.rectification.platform.error;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A failure and everything behind it: its causes and its suppressed exceptions, theirs in turn. The
 * transaction manager reports a commit the database broke off (a connection terminated during
 * COMMIT) as a RollbackException whose driver error is a suppressed exception, not the cause, so a
 * walk along causes alone misses it (found by the fault suite: that commit answered 500, not 503).
 */
public final class Causes {

    /** Enough for any real chain; a pathological one is cut rather than walked forever. */
    private static final int MOST = 64;

    private Causes() {
    }

    /** The failure first, then what is behind it, each once (at most 64). */
    public static List<Throwable> of(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && found.size() < MOST) {
            Throwable current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            found.add(current);
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            Collections.addAll(next, current.getSuppressed());
        }
        return found;
    }
}
