package io.rectification.feedback.handling;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The inbox's tab totals under the same filters (publication, q, category, channel): 待答复 {@code owed}, 已超期
 * {@code overdue}, 即将到期 {@code dueSoon}, 新收到 {@code newlyReceived}, 全部 {@code all}; {@code asOf} the day in
 * Beijing they were counted on, {@code dueSoonDays} the horizon of 即将到期 ({@code ReplyRule}).
 */
@Schema(requiredProperties = {"asOf", "dueSoonDays", "owed", "overdue", "dueSoon", "newlyReceived", "all"})
public record InboxCounts(LocalDate asOf, int dueSoonDays, long owed, long overdue, long dueSoon, long newlyReceived,
                          long all) {
}
