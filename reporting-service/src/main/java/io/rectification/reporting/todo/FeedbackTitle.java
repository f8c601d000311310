package io.rectification.reporting.todo;

import io.rectification.platform.text.ChineseDates;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * How a feedback's to-do names it: 群众反映（举报）· 来信 · 2026年12月3日收到, or with the time, 2026年12月3日 14:05收到;
 * the daily digest's line and the reply-deadline notices (subject and body) name it the same way.
 * Twenty-six rows of 群众反映（举报） with one date told the handler nothing; the events carry neither the text nor
 * the tracking code (a feedback's snapshot has no personal data and no code, which opens the public's tracking
 * page), so the feedback is told apart by what they do carry: its category, channel and when it came.
 */
public final class FeedbackTitle {

    /**
     * The columns of rm_feedback (alias {@code alias}) the title is made of besides the category, in {@link #of}'s
     * order: channel, received_at, and the snapshot's receivedTimeGiven (absent, so null, from events before
     * catalogue 1.3.0). The 待办 list and the reply-deadline notices read them alike.
     */
    public static String receiptColumns(String alias) {
        return alias + ".channel, " + alias + ".received_at, CAST(" + alias + ".data ->> 'receivedTimeGiven' AS boolean)";
    }

    /** The channels staff register, with or without a time (feedback-service's staff intake). */
    private static final Set<String> STAFF_CHANNELS = Set.of("PHONE", "POST", "EMAIL");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private FeedbackTitle() {
    }

    /**
     * @param receivedTimeGiven the snapshot's {@code receivedTimeGiven}: false for a call or letter staff registered
     *                          without its time; null from events written before catalogue 1.3.0
     */
    public static String of(String category, String channel, OffsetDateTime receivedAt, Boolean receivedTimeGiven,
                            ZoneId zone) {
        StringBuilder title = new StringBuilder("群众反映（").append(FeedbackCategories.label(category)).append("）");
        if (channel != null) {
            title.append(" · ").append(channel(channel));
        }
        if (receivedAt != null) {
            title.append(" · ").append(received(channel, receivedAt.atZoneSameInstant(zone), receivedTimeGiven))
                    .append("收到");
        }
        return title.toString();
    }

    /** As the console's inbox names the channels (feedbackInbox.ts CHANNEL_LABELS). */
    static String channel(String channel) {
        return switch (channel) {
            case "WEB" -> "网上";
            case "PHONE" -> "电话";
            case "POST" -> "来信";
            case "EMAIL" -> "电子邮件";
            case "API" -> "对接系统";
            default -> "其他渠道";
        };
    }

    /**
     * Staff may register a call or letter without its time: feedback-service then keeps the day's 00:00, which is
     * the day alone, not a call at midnight (as the console's inbox shows it). The snapshot says which.
     */
    private static String received(String channel, ZonedDateTime at, Boolean receivedTimeGiven) {
        String day = ChineseDates.day(at.toLocalDate());
        boolean dayOnly = receivedTimeGiven != null ? !receivedTimeGiven : guessedDayOnly(channel, at);
        return dayOnly ? day : day + " " + CLOCK.format(at);
    }

    /**
     * Events written before catalogue 1.3.0 do not say whether the time was given, and the topic keeps them for
     * good (a rebuild replays them): for those, a staff channel at exactly 00:00 is taken for a day alone. It
     * misreads only a call registered at midnight, which staff rarely take.
     */
    private static boolean guessedDayOnly(String channel, ZonedDateTime at) {
        return STAFF_CHANNELS.contains(channel) && at.toLocalTime().equals(LocalTime.MIDNIGHT);
    }
}
