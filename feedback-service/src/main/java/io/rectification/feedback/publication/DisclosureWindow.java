package io.rectification.feedback.publication;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * 公开期限: the period in which the public may comment. Both ends are inclusive to the second:
 * a notice saying "2025年11月6日至11月13日" is 2025-11-06T00:00:00 to 2025-11-13T23:59:59 in the
 * organisation's zone, and a submission at 23:59:59.700 is still inside.
 */
public record DisclosureWindow(Instant start, Instant end, ZoneId zone) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** As the public pages write a moment (their dates.js): 2025年11月13日 23:59. */
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static DisclosureWindow of(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        return new DisclosureWindow(start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), zone);
    }

    public boolean contains(Instant moment) {
        Instant second = moment.truncatedTo(ChronoUnit.SECONDS);
        return !second.isBefore(start) && !second.isAfter(end);
    }

    public boolean notYetOpen(Instant moment) {
        return moment.truncatedTo(ChronoUnit.SECONDS).isBefore(start);
    }

    public OffsetDateTime startInZone() {
        return start.atZone(zone).toOffsetDateTime();
    }

    public OffsetDateTime endInZone() {
        return end.atZone(zone).toOffsetDateTime();
    }

    /** "2025-11-06 00:00:00 – 2025-11-13 23:59:59 (Asia/Shanghai)", for messages to the public in English. */
    public String describe() {
        return SHOWN.format(start.atZone(zone)) + " – " + SHOWN.format(end.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /**
     * "2025年11月6日 00:00至2025年11月13日 23:59（北京时间）", for messages to the public in Chinese: the way
     * the form shows the window above the message (dates.js), the clock in the publication's zone,
     * which is named (北京时间 for Asia/Shanghai).
     */
    public String describeInChinese() {
        return CHINESE.format(start.atZone(zone)) + "至" + CHINESE.format(end.atZone(zone))
                + "（" + (zone.equals(BEIJING) ? "北京时间" : zone.getId()) + "）";
    }
}
