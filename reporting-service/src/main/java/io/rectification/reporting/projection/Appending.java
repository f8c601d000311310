package io.rectification.reporting.projection;

import io.rectification.reporting.support.Sql;

import java.util.List;

/**
 * How the rows that are only ever added (snapshot history, progress reports) are written.
 */
enum Appending {
    /** INSERT … ON CONFLICT DO NOTHING: a row already there stays, as when events arrive one by one. */
    KEEP_FIRST,
    /**
     * COPY, for a rebuild's replay into tables it emptied: cheaper on both sides, but a row
     * already there fails the whole batch, which the replay then applies again with {@link #KEEP_FIRST}.
     */
    COPY;

    /**
     * Adds {@code rows} to {@code tableAndColumns}; {@code insertRest} is what follows the columns in
     * the INSERT (VALUES with its placeholders and the ON CONFLICT clause).
     */
    void write(Sql sql, String tableAndColumns, String insertRest, List<Object[]> rows) {
        if (this == COPY) {
            sql.copy(tableAndColumns, rows);
        } else {
            sql.batch("INSERT INTO " + tableAndColumns + " " + insertRest, rows);
        }
    }
}
