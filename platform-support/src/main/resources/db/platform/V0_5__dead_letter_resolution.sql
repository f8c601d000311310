-- A dead letter is open until an operator resolves it (DeadLetterResolutions): REPLAYED, its
-- message applied after all through the consumer's handler, or DISMISSED, with the reason it must
-- not be applied; either says when and by whom. A replay that fails again leaves it open with the
-- new reason and one attempt more (the consumer's own try is the first).
ALTER TABLE dead_letter
    ADD COLUMN attempts         int  NOT NULL DEFAULT 1,
    ADD COLUMN resolution       text CHECK (resolution IN ('REPLAYED', 'DISMISSED')),
    ADD COLUMN resolved_at      timestamptz,
    ADD COLUMN resolved_by      text,
    ADD COLUMN dismissal_reason text,
    ADD CONSTRAINT dead_letter_resolved_whole CHECK (
        (resolution IS NULL) = (resolved_at IS NULL) AND (resolution IS NULL) = (resolved_by IS NULL)
        AND (dismissal_reason IS NULL) = (resolution IS DISTINCT FROM 'DISMISSED'));
-- The open ones are what the list's default shows and the gauge counts.
CREATE INDEX dead_letter_open ON dead_letter (consumer) WHERE resolution IS NULL;
-- A message dismissed at its position is not recorded again when it is read again (DeadLetters).
CREATE INDEX dead_letter_dismissed ON dead_letter (consumer, topic, kafka_partition, kafka_offset)
    WHERE resolution = 'DISMISSED';
