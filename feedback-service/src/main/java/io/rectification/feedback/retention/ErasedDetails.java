package io.rectification.feedback.retention;

import io.rectification.platform.error.ApiException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What staff are told of contact details the retention period erased: when, and that nothing of them is kept. */
public final class ErasedDetails {

    private ErasedDetails() {
    }

    /** The day they were erased, in the organisation's zone (the console's 联系方式已于…删除 says the same day). */
    static LocalDate day(OffsetDateTime erasedAt, ZoneId zone) {
        return erasedAt.atZoneSameInstant(zone).toLocalDate();
    }

    /** 410: there were details, and there are none any more; not a 404 (the feedback is there) nor an empty 200. */
    public static ApiException gone(OffsetDateTime erasedAt, ZoneId zone) {
        return new ApiException(410, "Gone", "the submitter's contact details were erased on " + day(erasedAt, zone)
                + " under the retention period for personal data (" + RetentionPeriod.PROPERTY + ", counted from the "
                + "feedback's last step); nothing of them is kept, and this look is not recorded")
                .with("personalDataErasedAt", erasedAt);
    }
}
