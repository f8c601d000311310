package io.rectification.tasks.accountability;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What every accountability record has, so that recording and correcting take one path. */
interface AccountabilityRecord {

    UUID id();

    /** The inspection the record belongs to (a record is found only through it). */
    UUID inspectionId();

    /** 1 when recorded; one more with each correction. */
    long version();

    /** A new record of the inspection: its id and when it was made. */
    void open(UUID inspectionId, OffsetDateTime at);

    /** The problem the record concerns (null: the inspection as a whole), already checked to be the inspection's. */
    void concern(UUID problemId);
}
