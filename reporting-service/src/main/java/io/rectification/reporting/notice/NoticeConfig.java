package io.rectification.reporting.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/** {@code notices.*} (docs/notices.md). */
@ConfigMapping(prefix = "notices")
public interface NoticeConfig {

    /** The console's address as a mail links to it, e.g. http://127.0.0.1:8180/console */
    @WithDefault("http://127.0.0.1:8180/console")
    String consoleUrl();

    /**
     * An event older than this raises no immediate notice: a rebuild replaying the topics, or a
     * consumer catching up after a long outage, does not mail what is long past (the to-dos and the
     * digest still show it).
     */
    @WithDefault("P2D")
    Duration maxEventAge();

    /** How often the job fans causes out and sends what is due (read by {@link NoticeJob}'s schedule). */
    @WithDefault("5s")
    Duration poll();

    /**
     * 免打扰时段, e.g. 21:00-08:00 in the organisation's zone: an immediate notice is not sent in these
     * hours but when they end ({@link QuietHoursNow}); {@code off} or none: sent at once. Read with
     * {@link QuietHours#parse}, so a value that is no range stops the service at startup naming it.
     */
    Optional<QuietHours> quietHours();

    Mail mail();

    Digest digest();

    Webhook webhook();

    interface Mail {
        /** Tries before a mail is given up as FAILED (with the last error kept). */
        @WithDefault("5")
        int maxAttempts();

        /** The wait after the first failed try; doubled after each. */
        @WithDefault("1m")
        Duration backoff();

        /**
         * How many due notices of one kind to one address make one combined mail ({@link CombinedNoticeText}) rather
         * than a mail each; at least 2.
         */
        @WithDefault("2")
        int combineFrom();

        /** The most notices one combined mail lists (the rest go in the next); 1: never combined. */
        @WithDefault("100")
        int combineAtMost();
    }

    interface Digest {
        @WithDefault("true")
        boolean enabled();

        /** The time of day, in the organisation's zone, from which the day's digest goes out. */
        @WithDefault("08:30")
        LocalTime at();
    }

    interface Webhook {
        /** The receiving organisation's endpoint; none: no webhook calls. */
        Optional<String> url();

        /**
         * The shared secret: the body's signature (HMAC-SHA256) for JSON, the robot's 加签 secret for
         * DINGTALK (none: the robot checks keywords or addresses instead), unused for WECOM.
         */
        Optional<String> secret();

        /** JSON (this system's signed body), WECOM or DINGTALK (a group robot's text message): {@link WebhookFormat}. */
        @WithDefault("JSON")
        WebhookFormat format();

        /** Tries before a call is dead-lettered (state DEAD). */
        @WithDefault("6")
        int maxAttempts();

        /** The wait after the first failed try; doubled after each, at most max-backoff. */
        @WithDefault("30s")
        Duration backoff();

        @WithDefault("1h")
        Duration maxBackoff();

        @WithDefault("10s")
        Duration timeout();
    }
}
