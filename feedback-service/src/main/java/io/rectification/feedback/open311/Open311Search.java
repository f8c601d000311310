package io.rectification.feedback.open311;

import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.InputLimits;
import io.rectification.platform.rest.PageOf;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET requests.json} without service_request_id, checked: GeoReport's
 * defaults are the last 90 days and at most 1000 requests; {@code page} (from 1) and
 * {@code page_size} page through the rest.
 */
record Open311Search(Open311Services service, Set<FeedbackStatus> statuses, Instant start, Instant end, int page,
                     int pageSize) {

    static final Duration MAX_PERIOD = Duration.ofDays(90);
    static final int MAX_PAGE_SIZE = 1000;

    static Open311Search parse(String serviceCode, String status, String startDate, String endDate, String page,
                               String pageSize, Instant now, Language language) {
        Open311Services service = null;
        if (serviceCode != null && !serviceCode.isBlank()) {
            service = Open311Services.byCode(serviceCode.strip()).orElseThrow(() -> ApiException.badRequest(
                    "service_code", Messages.get(language, "open311.serviceCode", Open311Services.codes())));
        }
        Instant start = instant("start_date", startDate, language);
        Instant end = instant("end_date", endDate, language);
        if (start == null && end == null) {
            end = now;
        }
        if (start == null) {
            start = end.minus(MAX_PERIOD);
        } else if (end == null) {
            end = start.plus(MAX_PERIOD);
        }
        if (end.isBefore(start) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ApiException.badRequest(endDate == null ? "start_date" : "end_date",
                    Messages.get(language, "open311.range", MAX_PERIOD.toDays()));
        }
        return new Open311Search(service, statuses(status, language), start, end,
                number("page", page, 1, 1, PageOf.MAX_PAGE, language),
                number("page_size", pageSize, MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE, language));
    }

    /** open: anything still being handled; closed: closed or merged into another. */
    static Set<FeedbackStatus> statuses(String status, Language language) {
        if (status == null || status.isBlank()) {
            return EnumSet.allOf(FeedbackStatus.class);
        }
        Set<FeedbackStatus> statuses = EnumSet.noneOf(FeedbackStatus.class);
        for (String one : status.split(",")) {
            switch (one.strip()) {
                case "open" -> statuses.addAll(EnumSet.of(FeedbackStatus.RECEIVED, FeedbackStatus.TRIAGED,
                        FeedbackStatus.ANSWERED, FeedbackStatus.ESCALATED, FeedbackStatus.ESCALATION_REFUSED));
                case "closed" -> statuses.addAll(EnumSet.of(FeedbackStatus.CLOSED, FeedbackStatus.MERGED));
                default -> throw ApiException.badRequest("status", Messages.get(language, "open311.status"));
            }
        }
        return statuses;
    }

    static boolean closed(FeedbackStatus status) {
        return status == FeedbackStatus.CLOSED || status == FeedbackStatus.MERGED;
    }

    private static Instant instant(String field, String value, Language language) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, Messages.get(language, "open311.datetime"));
        }
        // The years the platform keeps to: a moment near Instant's own bounds (year +999999999) made
        // the 90 days added to it overflow, and PostgreSQL holds no such timestamp (500).
        if (InputLimits.dateProblem(instant.atOffset(ZoneOffset.UTC).toLocalDate()) != null) {
            throw ApiException.badRequest(field, Messages.get(language, "open311.years",
                    InputLimits.EARLIEST_DATE.getYear(), InputLimits.LATEST_DATE.getYear()));
        }
        return instant;
    }

    private static int number(String field, String value, int absent, int min, int max, Language language) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ApiException.badRequest(field, Messages.get(language, "open311.number", min, max));
    }

    static String describe(Set<FeedbackStatus> statuses) {
        return Arrays.stream(FeedbackStatus.values()).filter(statuses::contains).map(Enum::name)
                .collect(Collectors.joining(","));
    }
}
