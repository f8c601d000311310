package io.rectification.reporting.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.testing.HandClock;
import io.rectification.platform.testing.HandTransactions;
import io.rectification.reporting.readmodel.TaskChangeWaits;
import io.rectification.reporting.readmodel.TaskChangeWatch;
import io.rectification.reporting.projection.TaskChanges;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * When kept figures are sent again and when they are read anew. The watch's listener is not started (no
 * database): what it would hear is given by hand.
 */
@Tag("fast")
class FigureCacheTest {

    final HandTransactions transactions = new HandTransactions();
    final TaskChangeWatch watch = new TaskChangeWatch("jdbc:postgresql://127.0.0.1:1/none", "nobody", Optional.empty(),
            "reporting-service", new TaskChangeWaits(1), transactions);
    final HandClock clock = new HandClock(Instant.parse("2026-12-31T15:59:00Z"));
    final FigureCache cache = new FigureCache(watch, new ObjectMapper(), clock, Duration.ofSeconds(30));
    final AtomicInteger reads = new AtomicInteger();
    final FigureCache.Key summary = new FigureCache.Key("summary", List.of("inspection", 7));

    TaggedJson ask(FigureCache.Key key) {
        return cache.answer(key, () -> List.of("read", reads.incrementAndGet()));
    }

    @Test
    void sentAgainWhileNothingChanged() {
        watch.listening();
        TaggedJson first = ask(summary);
        assertSame(first, ask(summary));
        assertEquals(1, reads.get());
        assertEquals("[\"read\",1]", new String(first.json(), StandardCharsets.UTF_8));
    }

    @Test
    void otherFiguresOrParametersAreReadApart() {
        watch.listening();
        ask(summary);
        ask(new FigureCache.Key("summary", List.of("inspection", 8)));
        ask(new FigureCache.Key("responsible_unit", List.of("inspection", 7)));
        assertEquals(3, reads.get());
    }

    @Test
    void anotherInstancesChangeOrOneHereMakesTheNextReadAnew() {
        watch.listening();
        ask(summary);
        watch.notified("");
        TaggedJson afterTheirs = ask(summary);
        assertEquals(2, reads.get());
        transactions.begin();
        watch.changingHere(new TaskChanges.Announced(""));
        watch.changingHere(new TaskChanges.Announced(""));
        // committed, and not yet ended here: nothing kept, nothing from now kept either
        ask(summary);
        ask(summary);
        assertEquals(4, reads.get());
        transactions.commit();
        TaggedJson afterMine = ask(summary);
        assertEquals(5, reads.get());
        assertNotEquals(afterTheirs.tag(), afterMine.tag());
        assertSame(afterMine, ask(summary));
    }

    @Test
    void aChangeWhileTheFiguresAreReadLeavesThemUnused() {
        watch.listening();
        cache.answer(summary, () -> {
            // committed after the read began: what it read may be from before
            watch.notified("");
            return List.of("read", reads.incrementAndGet());
        });
        ask(summary);
        assertEquals(2, reads.get());
    }

    @Test
    void nothingKeptWhileChangesCannotBeHeard() {
        ask(summary);
        ask(summary);
        assertEquals(2, reads.get());
        watch.listening();
        ask(summary);
        watch.deaf();
        ask(summary);
        assertEquals(4, reads.get());
        // heard again: what was kept before may have missed a change
        watch.listening();
        ask(summary);
        assertEquals(5, reads.get());
    }

    @Test
    void keptNoLongerThanItsAgeEvenIfNoChangeIsHeard() {
        watch.listening();
        TaggedJson first = ask(summary);
        clock.advance(Duration.ofSeconds(29));
        assertSame(first, ask(summary));
        // a change that went unheard (a listening connection dead without an error) is read at the latest now
        clock.advance(Duration.ofSeconds(1));
        ask(summary);
        assertEquals(2, reads.get());
        // a clock set back: what was kept "later" is read anew
        clock.advance(Duration.ofSeconds(-10));
        ask(summary);
        assertEquals(3, reads.get());
    }

    @Test
    void aFullCacheStartsAfresh() {
        watch.listening();
        for (int i = 0; i < FigureCache.CAPACITY; i++) {
            ask(new FigureCache.Key("summary", i));
        }
        ask(summary);
        ask(new FigureCache.Key("summary", 0));
        assertEquals(FigureCache.CAPACITY + 2, reads.get());
        ask(summary);
        assertEquals(FigureCache.CAPACITY + 2, reads.get());
    }
}
