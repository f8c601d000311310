package io.rectification.platform.memory;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.time.PeriodicRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Gives back to the system, once a load is over, the heap the service grew for it.
 *
 * <p>Why: the services run the serial collector (the least native memory on two cores;
 * docs/benchmarks.md, "Memory"), which returns heap only at a full collection
 * ({@code -XX:MaxHeapFreeRatio}), and an idle service has none: a heap grown by a plan import or a
 * rebuild stayed at its peak (reporting-service 148 MB committed with 54 MB in use, RSS 351 MB)
 * for as long as the service idled. G1 has a periodic collection for this
 * ({@code G1PeriodicGCInterval}); the serial collector has none, so this is it.
 *
 * <p>Every {@code platform.memory.idle-release-interval} (30 s; 0 turns it off) it looks at the
 * heap: when no collection ran since the last look (the service allocated less than its young
 * generation had free: it is idle) and the committed heap has grown by {@link #WORTH_RELEASING} or
 * more since the last release (or the start), it asks for one full collection. After it the
 * heap's new size is the mark to grow from again, so an idle service is collected once, not every
 * interval.
 */
@ApplicationScoped
public class IdleHeapRelease {

    private static final Logger LOG = Logger.getLogger(IdleHeapRelease.class);

    /** Growth of the committed heap that is worth a full collection's pause (tens of milliseconds here). */
    static final long WORTH_RELEASING = 16L * 1024 * 1024;

    /** What is read of the heap at a look: collections run so far, bytes committed. */
    record Reading(long collections, long committed) {

        static Reading now() {
            long collections = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                collections += Math.max(0, collector.getCollectionCount());
            }
            return new Reading(collections, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
        }
    }

    private final Duration interval;
    private final Supplier<Reading> readings;
    private final Runnable fullCollection;
    private Reading last;
    /** The committed heap after the last release or at the start; lowered when the collector shrinks the heap itself. */
    private long mark;
    private PeriodicRefresh looking;

    @Inject
    public IdleHeapRelease(@ConfigProperty(name = "platform.memory.idle-release-interval", defaultValue = "30s") Duration interval) {
        this(interval, Reading::now, System::gc);
    }

    IdleHeapRelease(Duration interval, Supplier<Reading> readings, Runnable fullCollection) {
        this.interval = interval;
        this.readings = readings;
        this.fullCollection = fullCollection;
        this.last = readings.get();
        this.mark = last.committed();
    }

    void onStart(@Observes StartupEvent event) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        // Its first look, at once, finds the heap as the constructor read it: nothing grown yet.
        looking = PeriodicRefresh.start("idle-heap-release", interval, this::look);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (looking != null) {
            looking.stop();
        }
    }

    /** One look at the heap; true when it asked for a full collection. */
    synchronized boolean look() {
        Reading now = readings.get();
        boolean idle = now.collections() == last.collections();
        mark = Math.min(mark, now.committed());
        boolean release = idle && now.committed() - mark >= WORTH_RELEASING;
        if (release) {
            fullCollection.run();
            Reading after = readings.get();
            LOG.infof("idle: the heap grown to %d MB under the last load is now %d MB", megabytes(now.committed()),
                    megabytes(after.committed()));
            now = after;
            mark = after.committed();
        }
        last = now;
        return release;
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
