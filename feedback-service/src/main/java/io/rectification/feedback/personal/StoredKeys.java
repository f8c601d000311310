package io.rectification.feedback.personal;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            """;
    /** Each key id with the sealed values of one of its rows that has some; nulls when none has (pseudonyms only). */
    private static final String ONE_ROW_PER_KEY = KEY_IDS + """
            SELECT ids.id, s.name_sealed, s.phone_sealed, s.email_sealed, s.address_sealed
            FROM ids LEFT JOIN LATERAL (
                SELECT f.name_sealed, f.phone_sealed, f.email_sealed, f.address_sealed FROM feedback f
                WHERE f.personal_key_id = ids.id
                  AND num_nonnulls(f.name_sealed, f.phone_sealed, f.email_sealed, f.address_sealed) > 0
                LIMIT 1) s ON true
            WHERE ids.id IS NOT NULL
            ORDER BY ids.id""";
    /** Each key id but the one given, with the number of rows under it. */
    private static final String ROWS_PER_OTHER_KEY = KEY_IDS + """
            SELECT ids.id, (SELECT count(*) FROM feedback f WHERE f.personal_key_id = ids.id)
            FROM ids WHERE ids.id IS NOT NULL AND ids.id <> ?
            ORDER BY ids.id""";

    private final DataSource dataSource;

    public StoredKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Key id → one of its rows' sealed values in {@link #COLUMNS}' order (all null when it has none). */
    Map<String, byte[][]> oneSealedRowPerKey() {
        Map<String, byte[][]> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(ONE_ROW_PER_KEY);
             ResultSet found = query.executeQuery()) {
            while (found.next()) {
                byte[][] sealed = new byte[COLUMNS.size()][];
                for (int i = 0; i < sealed.length; i++) {
                    sealed[i] = found.getBytes(2 + i);
                }
                rows.put(found.getString(1), sealed);
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
             PreparedStatement count = connection.prepareStatement(ROWS_PER_OTHER_KEY)) {
            count.setString(1, exceptKeyId);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rows under each key could not be counted", e);
        }
        return counts;
    }
}
