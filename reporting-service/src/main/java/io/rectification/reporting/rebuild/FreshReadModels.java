package io.rectification.reporting.rebuild;

import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The empty tables a rebuild replays into, swapped for the read models when the replay is done, all
 * in the rebuild's transaction: readers see the old rows until it commits and the new ones after.
 *
 * <p>Why not DELETE and insert again into the same tables: each insert then meets, in every unique
 * index, the entry of the row it replaces (deleted, but not dead until the commit), and the tables
 * and indexes grow by the whole read model; measured, that made a rebuild's inserts cost twice
 * what they cost into empty tables (docs/benchmarks.md). Fresh tables also let the indexes nobody
 * looks up by during the replay be built once at the end instead of row by row.
 *
 * <p>How: in schema {@code rm_rebuild} (V19) a table like each one replaced (the read models, and
 * the consumed-event record, see {@link ReadModelRebuild#CONSUMED_EVENTS}), with its constraints,
 * unique indexes (ON CONFLICT needs them) and triggers (rm_task's tally); that schema goes first on
 * the search path of this transaction only, so the projections' statements land in the fresh
 * tables unchanged. At the end the other indexes are built, the old tables dropped and the fresh
 * ones moved into their place with the same names; only that takes a lock that makes readers wait
 * (for the moment until the commit). A failure anywhere rolls all of it back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FreshReadModels {

    static final String SCHEMA = "rm_rebuild";

    private final Sql sql;

    public FreshReadModels(Sql sql) {
        this.sql = sql;
    }

    /** What {@link #create} set up and {@link #swapIn} finishes. */
    public record Created(List<String> tables, List<String> deferredIndexes, String searchPath) {
    }

    /** One definition of a read model's table: {@code kind} constraint, index or trigger. */
    private record Definition(String table, String kind, String sql, boolean unique) {
    }

    /** Empty tables like {@code tables}, where this transaction's statements on them go from now on. */
    public Created create(List<String> tables) {
        // Read while the search path still shows the read models: the definitions name their tables.
        List<Definition> definitions = definitions(tables);
        String searchPath = sql.one("SELECT current_setting('search_path')", row -> row.getString(1));
        List<String> deferred = new ArrayList<>();
        for (String table : tables) {
            sql.update("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table
                    + " INCLUDING ALL EXCLUDING INDEXES)");
        }
        for (Definition definition : definitions) {
            String statement = definition.kind().equals("constraint") ? definition.sql()
                    : onFreshTable(definition.sql(), definition.table());
            if (definition.kind().equals("index") && !definition.unique()) {
                deferred.add(statement);
            } else {
                sql.update(statement);
            }
        }
        sql.one("SELECT set_config('search_path', ?, true)", row -> row.getString(1), SCHEMA + ", " + searchPath);
        return new Created(List.copyOf(tables), deferred, searchPath);
    }

    /** Builds the deferred indexes and puts the fresh tables in the read models' place. */
    public void swapIn(Created created) {
        created.deferredIndexes().forEach(sql::update);
        for (String table : created.tables()) {
            // the planner's statistics for the dashboards' queries, at once rather than at autovacuum's next round
            sql.update("ANALYZE " + SCHEMA + "." + table);
        }
        // All at once, in one order: readers wait from here to the commit, and never for a half swap.
        sql.update("LOCK TABLE " + String.join(", ", created.tables().stream().map(t -> "public." + t).toList())
                + " IN ACCESS EXCLUSIVE MODE");
        for (String table : created.tables()) {
            sql.update("DROP TABLE public." + table);
            sql.update("ALTER TABLE " + SCHEMA + "." + table + " SET SCHEMA public");
        }
        sql.one("SELECT set_config('search_path', ?, true)", row -> row.getString(1), created.searchPath());
    }

    private List<Definition> definitions(List<String> tables) {
        return sql.query("""
                SELECT c.relname, 'constraint', 'ALTER TABLE %1$s.' || quote_ident(c.relname) || ' ADD CONSTRAINT '
                       || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), true
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = ANY(?) AND k.contype IN ('p', 'u', 'x')
                UNION ALL
                SELECT c.relname, 'index', pg_get_indexdef(i.indexrelid), i.indisunique
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = ANY(?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
                UNION ALL
                SELECT c.relname, 'trigger', pg_get_triggerdef(t.oid), true
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = ANY(?) AND NOT t.tgisinternal
                """.formatted(SCHEMA),
                row -> new Definition(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4)),
                tables.toArray(String[]::new), tables.toArray(String[]::new), tables.toArray(String[]::new));
    }

    /** An index's or trigger's definition with its table (named plain or as public.x) the fresh one. */
    static String onFreshTable(String definition, String table) {
        Matcher on = Pattern.compile(" ON (public\\.)?" + Pattern.quote(table) + " ").matcher(definition);
        if (!on.find()) {
            throw new IllegalStateException("cannot tell the table in: " + definition);
        }
        return definition.substring(0, on.start()) + " ON " + SCHEMA + "." + table + " " + definition.substring(on.end());
    }
}
