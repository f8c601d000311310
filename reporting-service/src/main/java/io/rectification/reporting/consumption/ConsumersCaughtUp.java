package io.rectification.reporting.consumption;

import io.rectification.reporting.notice.ReadModelsCaughtUp;
import jakarta.enterprise.context.ApplicationScoped;

/** The read models are caught up when no live consumer has a lag ({@link ConsumerLag}, as GET /admin/consumers shows it). */
@ApplicationScoped
public class ConsumersCaughtUp implements ReadModelsCaughtUp {

    private final ConsumerLag lag;

    public ConsumersCaughtUp(ConsumerLag lag) {
        this.lag = lag;
    }

    @Override
    public boolean caughtUp() {
        return lag.current().stream().allMatch(consumer -> consumer.lag() == 0);
    }
}
