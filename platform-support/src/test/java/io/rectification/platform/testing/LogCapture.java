package io.rectification.platform.testing;

import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record written while it listens, with the MDC it was written with: a handler on the
 * root logger (JUL, which Quarkus's log manager is). Handlers run on the logging thread, so the
 * MDC at publishing is the line's, also on a Vert.x context.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** A log record as written: its logger, formatted message, MDC and level. */
    public record Line(String logger, String message, Map<String, Object> mdc, Level level) {
        public String mdc(String key) {
            Object value = mdc.get(key);
            return value == null ? null : value.toString();
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message != null && record.getParameters() != null && record.getParameters().length > 0) {
            try {
                message = String.format(message, record.getParameters());
            } catch (RuntimeException e) {
                message = message + " " + List.of(record.getParameters());
            }
        }
        lines.add(new Line(record.getLoggerName(), message, new HashMap<>(MDC.getMap()), record.getLevel()));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> lines(Predicate<Line> which) {
        return lines.stream().filter(which).toList();
    }

    /** The first line {@code which} picks, failing the test with what was logged when none. */
    public Line line(Predicate<Line> which, String what) {
        return lines.stream().filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("no log line " + what + " among " + lines));
    }

    /** Waits up to {@code seconds} for a line {@code which} picks (lines of other threads). */
    public Line await(Predicate<Line> which, String what, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (Line line : lines) {
                if (which.test(line)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        return line(which, what);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
