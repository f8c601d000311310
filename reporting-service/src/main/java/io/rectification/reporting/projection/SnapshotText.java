package io.rectification.reporting.projection;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.events.DataText;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.jdbc.CopyText;

/**
 * A snapshot as a read model keeps it (jsonb): the text the event carried, not the record written
 * out again. Writing a task's snapshot out cost as much as reading it during a rebuild; the
 * carried text also keeps members this build's record does not know yet, which the tolerant
 * readers of the stored snapshots (lists as of a past day, task detail) may read once they do.
 */
final class SnapshotText {

    private SnapshotText() {
    }

    /**
     * @param member the data's member holding the snapshot, or null when the data is the snapshot
     *               (inspection events); an envelope without carried text (built here, in tests)
     *               gives the record written out
     */
    static String of(EventEnvelope event, String member, Object snapshot) {
        DataText data = event.dataText();
        String carried = data == null ? null : member == null ? data.text() : data.member(member);
        return carried != null ? carried : EventContract.toJson(snapshot);
    }

    /**
     * {@link #of} for a COPY ({@link Appending#COPY}): the carried bytes as they are, not made a
     * String and encoded again (for a rebuild's million history rows, a fifth of the applying
     * thread's time and a quarter of its garbage); otherwise the text of {@link #of}.
     */
    static Object forCopy(EventEnvelope event, String member, Object snapshot) {
        DataText data = event.dataText();
        CopyText.Json carried = data == null ? null : member == null ? data.bytes() : data.memberBytes(member);
        return carried != null ? carried : EventContract.toJson(snapshot);
    }
}
