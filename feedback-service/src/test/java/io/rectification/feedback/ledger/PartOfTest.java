package io.rectification.feedback.ledger;

import io.rectification.feedback.ledger.LedgerReadModel.Placement;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of every link, without a database: whose inspection a part is, and a task beside an area. */
class PartOfTest {

    static final UUID INSPECTION = UUID.randomUUID();
    static final UUID AREA = UUID.randomUUID();
    static final UUID OTHER_AREA = UUID.randomUUID();
    static final UUID PROBLEM = UUID.randomUUID();
    static final UUID TASK = UUID.randomUUID();

    static Placement task(boolean cancelled) {
        return new Placement(INSPECTION, AREA, PROBLEM, TASK, cancelled);
    }

    @Test
    void aPartIsJudgedByTheInspectionItWasAnnouncedUnder() {
        assertEquals(PartOf.THIS_INSPECTION, PartOf.judge(INSPECTION, INSPECTION));
        assertEquals(PartOf.ANOTHER_INSPECTION, PartOf.judge(UUID.randomUUID(), INSPECTION));
        assertEquals(PartOf.UNKNOWN, PartOf.judge(null, INSPECTION));
    }

    @Test
    void aTaskIsUnderItsOwnAreaOrUnderNoneNamedWhetherItStandsOrNot() {
        for (boolean cancelled : new boolean[]{false, true}) {
            assertTrue(task(cancelled).isUnder(AREA));
            assertTrue(task(cancelled).isUnder(null));
            assertFalse(task(cancelled).isUnder(OTHER_AREA));
        }
    }

    @Test
    void aTaskBesideAnotherAreaIsRefusedNamingTaskIdAndBothAreas() {
        PartOf.requireUnder(task(false), AREA);
        PartOf.requireUnder(task(false), null);
        ApiException refusal = assertThrows(ApiException.class, () -> PartOf.requireUnder(task(true), OTHER_AREA));
        ErrorBody body = refusal.toErrorBody("/feedback");
        assertEquals(400, refusal.status());
        assertEquals("taskId", body.errors().get(0).field());
        assertEquals("task " + TASK + " is not under area " + OTHER_AREA + ", it is under area " + AREA
                + "; give either, or both of one area", body.errors().get(0).message());
    }
}
