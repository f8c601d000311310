package io.rectification.feedback.handling;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Something of a test's done between two statements of the code it tests: a race that timing leaves to chance
 * (a feedback recorded between a page and its count) made to happen every time. Hibernate hands this inspector
 * every statement before it is prepared; it acts only on the thread that armed it, so the service's other work
 * (its consumers, the requests the action sends) goes by untouched.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class BetweenStatements implements StatementInspector {

    private static final ThreadLocal<Armed> ARMED = new ThreadLocal<>();

    private static final class Armed {
        private final Runnable action;
        private int seen;

        private Armed(Runnable action) {
            this.action = action;
        }
    }

    /**
     * What {@code read} answers, {@code action} done and committed just before read's second statement, when it
     * has one: on a thread of its own, so in a transaction of its own, as another handler's request would be.
     */
    static <T> T beforeTheSecond(Runnable action, Supplier<T> read) {
        ARMED.set(new Armed(action));
        try {
            return read.get();
        } finally {
            ARMED.remove();
        }
    }

    @Override
    public String inspect(String sql) {
        Armed armed = ARMED.get();
        if (armed != null && ++armed.seen == 2) {
            CompletableFuture.runAsync(armed.action).join();
        }
        return sql;
    }
}
