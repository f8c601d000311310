package io.rectification.platform.text;

import java.time.LocalDate;

/**
 * A day as Chinese running text writes it, 2026年12月5日, in every text a person reads (the public
 * report, the progress page, the mails and digests), as the console writes it (format.ts formatDate):
 * never 2026-12-05, which stays the form of the APIs, the events and the files machines read.
 */
public final class ChineseDates {

    private ChineseDates() {
    }

    /** 2026年12月5日; no leading zeros. */
    public static String day(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 12月5日: within a text whose year is plain (a digest of the day). */
    public static String dayOfYear(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
