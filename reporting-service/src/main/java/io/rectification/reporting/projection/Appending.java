package io.rectification.reporting.projection;

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
    COPY
}
