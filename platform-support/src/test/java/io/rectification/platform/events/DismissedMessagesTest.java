package io.rectification.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dismissed message is known by its topic, partition and offset, all three, and by nothing else. */
@Tag("fast")
class DismissedMessagesTest {

    private static final String TASKS = "rectification.tasks.v1";

    @Test
    void onlyTheMessageAtTheDismissedPositionIsPassedOver() {
        DismissedMessages dismissed = new DismissedMessages();
        assertFalse(dismissed.passesOver(record(TASKS, 2, 1234)), "nothing dismissed yet");

        dismissed.add(TASKS, 2, 1234);
        assertTrue(dismissed.passesOver(record(TASKS, 2, 1234)));
        assertFalse(dismissed.passesOver(record(TASKS, 2, 1235)), "the next offset");
        assertFalse(dismissed.passesOver(record(TASKS, 1, 1234)), "another partition");
        assertFalse(dismissed.passesOver(record("rectification.feedback.v1", 2, 1234)), "another topic");
    }

    @Test
    void dismissalsLoadedAgainJoinThoseHeard() {
        DismissedMessages heard = new DismissedMessages();
        heard.add(TASKS, 0, 7);
        DismissedMessages loaded = new DismissedMessages();
        loaded.add(TASKS, 1, 9);

        heard.addAll(loaded);
        assertTrue(heard.passesOver(record(TASKS, 0, 7)), "a dismissal made here stays");
        assertTrue(heard.passesOver(record(TASKS, 1, 9)), "one made in another instance is added");
    }

    private static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, "key", new byte[]{'{', '}'});
    }
}
