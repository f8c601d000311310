package io.rectification.platform.events;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A generation for what is kept until the data it was read from changes: it moves with every
 * notification on a channel (any instance's change, delivered after its commit), with every change
 * this instance reports itself ({@link #moved()}, at once, before its notification comes back), and
 * when listening starts or stops. While not listening it is {@link #UNKNOWN}: a change elsewhere could
 * go unseen, so nothing kept may be served then. The receiver of a {@link ChannelListener}.
 */
public final class ChangeGeneration implements ChannelListener.Receiver {

    /** No generation to compare with: serve nothing kept. */
    public static final long UNKNOWN = -1;

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    /** The current generation, or {@link #UNKNOWN} while changes elsewhere cannot be heard. */
    public long current() {
        return listening ? generation.get() : UNKNOWN;
    }

    /** Something kept may no longer hold: a change made here has ended. */
    public void moved() {
        generation.incrementAndGet();
    }

    @Override
    public void listening() {
        // whatever was kept while not listening may have missed a change
        generation.incrementAndGet();
        listening = true;
    }

    @Override
    public void notified(String payload) {
        generation.incrementAndGet();
    }

    @Override
    public void deaf() {
        listening = false;
        generation.incrementAndGet();
    }
}
