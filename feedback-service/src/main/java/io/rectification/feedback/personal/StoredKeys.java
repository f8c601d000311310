package io.rectification.feedback.personal;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which keys the stored personal data is under, as each feedback row records it
 * ({@code personal_key_id}, V9): read off the index {@code feedback_personal_key}, so the cost is
 * the number of keys, and for a count the rows under that key, never the table's size.
 */
@ApplicationScoped
public class StoredKeys {

    /** The sealed columns, in the order the queries give them; each is bound into its value's seal (AAD). */
    static final List<String> COLUMNS = List.of("name", "phone", "email", "address");

    /** Every key id the rows name, found by a loose index scan: one probe of the index per id. */
    private static final String KEY_IDS = """
            WITH RECURSIVE ids(id) AS (
                SELECT min(personal_key_id) FROM feedback WHERE personal_key_id IS NOT NULL
                UNION ALL
                SELECT (SELECT min(f.personal_key_id) FROM feedback f WHERE f.personal_key_id > ids.id)
                FROM ids WHERE ids.id IS NOT NULL
            )
            SELECT id FROM ids WHERE id IS NOT NULL ORDER BY id""";
    /*
     * The two below are sent once per key id, each with its id as a value rather than joined to the
     * ids above: planned for the value, a key with few rows left is read off the index, where a plan
     * for any id read the whole table (the current key's rows are most of it).
     */
    /** One row of the key that has a sealed value (none when its rows have pseudonyms only). */
    private static final String ONE_SEALED_ROW = """
            SELECT name_sealed, phone_sealed, email_sealed, address_sealed FROM feedback
            WHERE personal_key_id = ? AND num_nonnulls(name_sealed, phone_sealed, email_sealed, address_sealed) > 0
            LIMIT 1""";
    private static final String ROWS_UNDER = "SELECT count(*) FROM feedback WHERE personal_key_id = ?";

    private final DataSource dataSource;

    public StoredKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Key id → one of its rows' sealed values in {@link #COLUMNS}' order (all null when it has none). */
    Map<String, byte[][]> oneSealedRowPerKey() {
        Map<String, byte[][]> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(ONE_SEALED_ROW)) {
            for (String keyId : keyIds(connection)) {
                byte[][] sealed = new byte[COLUMNS.size()][];
                query.setString(1, keyId);
                try (ResultSet found = query.executeQuery()) {
                    if (found.next()) {
                        for (int i = 0; i < sealed.length; i++) {
                            sealed[i] = found.getBytes(1 + i);
                        }
                    }
                }
                rows.put(keyId, sealed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the keys of the stored personal data could not be read", e);
        }
        return rows;
    }

    /** Key id → the rows under it, for every key the rows name but {@code exceptKeyId}. */
    Map<String, Long> rowsUnderKeysOtherThan(String exceptKeyId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(ROWS_UNDER)) {
            for (String keyId : keyIds(connection)) {
                if (keyId.equals(exceptKeyId)) {
                    continue;
                }
                count.setString(1, keyId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    counts.put(keyId, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rows under each key could not be counted", e);
        }
        return counts;
    }

    private static List<String> keyIds(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(KEY_IDS);
             ResultSet found = query.executeQuery()) {
            while (found.next()) {
                ids.add(found.getString(1));
            }
        }
        return ids;
    }
}
