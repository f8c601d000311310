package io.rectification.feedback.personal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Feedback rows as an instance with another keyring stored them (before the rotation, or before keys
 * had ids): written straight into the table, since the running service seals only under its current
 * key. The tests' previous key is {@link #PREVIOUS} (id "0" in application.properties' %test profile).
 * Removes what it wrote ({@link #deleteAll}).
 */
public final class OldKeyRows {

    public static final String PREVIOUS = "cHJldmlvdXMtdGVzdC1rZXktMzItYnl0ZXMtbG9uZyE=";
    public static final String PREVIOUS_ID = "0";
    /** The service as it was before the rotation: the previous key current. */
    public static final PersonalDataCipher OLD = KeyringTest.cipher(PREVIOUS, PREVIOUS_ID, null);

    private final DataSource dataSource;
    private final List<UUID> written = new ArrayList<>();

    public OldKeyRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row's personal data: its sealed values (name, phone) and pseudonyms, and the key id it records. */
    public record Row(String keyId, byte[] name, byte[] phone, String clientKey, String submissionKeyHash) {
    }

    /** Writes the row for a publication with {@code id} (null: a random one) and answers its id. */
    public UUID insert(UUID id, UUID publication, Row row, String textFingerprint, Instant receivedAt) throws SQLException {
        UUID feedbackId = id == null ? UUID.randomUUID() : id;
        OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO feedback (id, version, publication_id, inspection_id, tracking_code, channel, status, text,
                                           anonymous, name_sealed, phone_sealed, client_key, submission_key_hash,
                                           text_fingerprint, received_at, reply_due_at, created_at, personal_key_id)
                     SELECT ?, 0, p.id, p.inspection_id, ?, 'WEB', 'RECEIVED', '轮换密钥前收到的意见', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                     FROM publication p WHERE p.id = ?""")) {
            insert.setObject(1, feedbackId);
            insert.setString(2, trackingCode());
            insert.setBoolean(3, row.name() == null && row.phone() == null);
            insert.setBytes(4, row.name());
            insert.setBytes(5, row.phone());
            insert.setString(6, row.clientKey());
            insert.setString(7, row.submissionKeyHash());
            insert.setString(8, textFingerprint);
            insert.setObject(9, received);
            insert.setObject(10, received.plusDays(15));
            insert.setObject(11, received);
            insert.setString(12, row.keyId());
            insert.setObject(13, publication);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no publication " + publication);
            }
        }
        written.add(feedbackId);
        return feedbackId;
    }

    /** The stored tracking code (16 characters, as TrackingCodes stores it). */
    public String trackingCodeOf(UUID id) throws SQLException {
        return (String) column(id, "tracking_code");
    }

    /** A column of a feedback row. */
    public Object column(UUID id, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + column + " FROM feedback WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no feedback " + id);
                }
                return rows.getObject(1);
            }
        }
    }

    public void deleteAll() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM feedback WHERE id = ANY(?::uuid[])")) {
            delete.setObject(1, written.stream().map(UUID::toString).toArray(String[]::new));
            delete.executeUpdate();
        }
        written.clear();
    }

    private static String trackingCode() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
