package io.rectification.feedback.handling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link StaffFeedbackService#LOCK_ORDER} is PostgreSQL's order of uuids, in which a batch merge's one statement
 * locks its rows: a single merge locking its two in another order could deadlock with it. The ids that tell the
 * orders apart: a first or a ninth byte of 0x80 or more, which UUID.compareTo takes as negative.
 */
@QuarkusTest
class LockOrderTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theLockOrderIsTheDatabasesOrderOfUuids() throws Exception {
        List<UUID> ids = new ArrayList<>(Stream.of("7fffffff-ffff-ffff-ffff-ffffffffffff",
                "80000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-7fff-ffffffffffff",
                "00000000-0000-0000-8000-000000000000", "00000000-0000-0000-ffff-ffffffffffff").map(UUID::fromString).toList());
        for (int i = 0; i < 50; i++) {
            ids.add(UUID.randomUUID());
        }
        List<UUID> database = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sorted = connection.prepareStatement("SELECT id FROM unnest(?) AS t(id) ORDER BY id")) {
            sorted.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = sorted.executeQuery()) {
                while (rows.next()) {
                    database.add(rows.getObject(1, UUID.class));
                }
            }
        }
        assertEquals(database, ids.stream().sorted(StaffFeedbackService.LOCK_ORDER).toList());
    }
}
