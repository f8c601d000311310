package io.rectification.platform.memory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class IdleHeapReleaseTest {

    private static final long MB = 1024 * 1024;

    /** A heap as the looks see it; a full collection brings it down to {@code afterCollection}. */
    private static final class Heap {
        long collections;
        long committed;
        long afterCollection;
        int fullCollections;

        Heap(long committed) {
            this.committed = committed;
            this.afterCollection = committed;
        }

        IdleHeapRelease.Reading read() {
            return new IdleHeapRelease.Reading(collections, committed);
        }

        void collectFully() {
            fullCollections++;
            collections++;
            committed = afterCollection;
        }

        IdleHeapRelease release() {
            return new IdleHeapRelease(Duration.ofSeconds(30), this::read, this::collectFully);
        }
    }

    @Test
    void aHeapGrownUnderALoadIsCollectedOnceTheServiceIsIdle() {
        Heap heap = new Heap(40 * MB);
        IdleHeapRelease release = heap.release();
        heap.committed = 148 * MB;  // a rebuild grew it, with young collections on the way
        heap.collections += 30;
        heap.afterCollection = 50 * MB;

        assertFalse(release.look(), "collections ran since the last look: not idle yet");
        assertTrue(release.look(), "idle, and 108 MB over the start");
        assertEquals(1, heap.fullCollections);
        assertEquals(50 * MB, heap.committed);
        assertFalse(release.look(), "idle again, but nothing grew since the release: collected once, not every interval");
        assertEquals(1, heap.fullCollections);
    }

    @Test
    void growthUnderTheThresholdIsNotWorthAPause() {
        Heap heap = new Heap(40 * MB);
        IdleHeapRelease release = heap.release();
        heap.committed = 40 * MB + IdleHeapRelease.WORTH_RELEASING - 1;

        assertFalse(release.look());
        assertEquals(0, heap.fullCollections);

        heap.committed = 40 * MB + IdleHeapRelease.WORTH_RELEASING;
        assertTrue(release.look(), "exactly the threshold");
    }

    @Test
    void theNextLoadIsMeasuredFromTheHeapTheReleaseLeft() {
        Heap heap = new Heap(40 * MB);
        IdleHeapRelease release = heap.release();
        heap.committed = 90 * MB;
        heap.afterCollection = 52 * MB;
        assertTrue(release.look());

        heap.committed = 60 * MB;  // grown again, by less than the threshold over 52
        assertFalse(release.look());
        heap.committed = 70 * MB;
        assertTrue(release.look(), "18 MB over what the last release left");
        assertEquals(2, heap.fullCollections);
    }

    @Test
    void aHeapTheCollectorShrankItselfLowersTheMark() {
        Heap heap = new Heap(60 * MB);
        IdleHeapRelease release = heap.release();
        heap.committed = 30 * MB;  // a full collection of the service's own shrank it
        heap.collections++;
        assertFalse(release.look());

        heap.committed = 50 * MB;  // 20 MB over the lower mark, though under the start's 60
        heap.afterCollection = 32 * MB;
        assertTrue(release.look());
    }

    @Test
    void theJvmsOwnReadingsAreThere() {
        IdleHeapRelease.Reading reading = IdleHeapRelease.Reading.now();
        assertTrue(reading.committed() > 0, "committed heap: " + reading.committed());
        assertTrue(reading.collections() >= 0);
    }
}
