package io.rectification.platform.events;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fast")
class DecodingThreadsTest {

    private final DecodingThreads decoding = new DecodingThreads("test-decoder", 2);

    @AfterEach
    void end() {
        decoding.abandon();
    }

    @Test
    void eachPollComesBackInItsOrderWhateverThreadDecodedWhich() {
        List<Integer> items = IntStream.range(0, 1001).boxed().toList();
        List<CompletableFuture<List<String>>> polls = new ArrayList<>();
        for (int poll = 0; poll < 5; poll++) {
            int of = poll;
            polls.add(decoding.decoded(items, item -> of + ":" + item));
        }
        for (int poll = 0; poll < 5; poll++) {
            int of = poll;
            assertEquals(items.stream().map(item -> of + ":" + item).toList(), polls.get(poll).join());
        }
    }

    @Test
    void anEmptyPollIsAnEmptyList() {
        assertEquals(List.of(), decoding.decoded(List.<Integer>of(), item -> item).join());
    }

    @Test
    void theRunsOfAPollAreDecodedSideBySide() throws Exception {
        // Each run waits until the other has started: decoded one after the other, neither would finish.
        CountDownLatch bothStarted = new CountDownLatch(2);
        CompletableFuture<List<Integer>> poll = decoding.decoded(List.of(1, 2), item -> {
            bothStarted.countDown();
            try {
                assertTrue(bothStarted.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return item;
        });
        assertEquals(List.of(1, 2), poll.get(20, TimeUnit.SECONDS));
    }

    @Test
    void whatADecodingThrowsReachesWhoeverWaitsForThePoll() {
        CompletableFuture<List<Integer>> poll = decoding.decoded(List.of(1, 2, 3, 4), item -> {
            if (item == 4) {
                throw new IllegalStateException("bad " + item);
            }
            return item;
        });
        CompletionException thrown = assertThrows(CompletionException.class, poll::join);
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
        assertEquals("bad 4", thrown.getCause().getMessage());
    }

    @Test
    void pollsAskedForBeforeTheEndAreStillDecoded() {
        CompletableFuture<List<Integer>> poll = decoding.decoded(IntStream.range(0, 100).boxed().toList(), item -> item * 2);
        decoding.finish();
        assertEquals(IntStream.range(0, 100).map(item -> item * 2).boxed().toList(), poll.join());
    }
}
