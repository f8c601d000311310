package io.rectification.reporting.support;

import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The inspections the read model knows (rm_inspection), said once for every endpoint that takes an
 * inspection: one it does not know, mistyped or not yet projected, is a 404 naming it, never an
 * empty answer a client would take for "nothing there" (an empty list, an empty export).
 */
@ApplicationScoped
public class KnownInspections {

    /**
     * name: what names an inspection in a file name, its team (省委第一巡视组), else its title; title: its title
     * (省委第一巡视组专项巡视…), else its team, as a heading names it. Either may be missing.
     */
    public record Known(UUID id, String name, String title) {
    }

    private final Sql sql;

    public KnownInspections(Sql sql) {
        this.sql = sql;
    }

    public Optional<Known> find(UUID inspectionId) {
        return Optional.ofNullable(sql.one("SELECT team, title FROM rm_inspection WHERE id = ?",
                row -> new Known(inspectionId, firstOf(row.getString(1), row.getString(2)),
                        firstOf(row.getString(2), row.getString(1))), inspectionId));
    }

    public boolean knows(UUID inspectionId) {
        return find(inspectionId).isPresent();
    }

    /** The inspection, or 404 problem+json naming it. */
    public Known require(UUID inspectionId) {
        return find(inspectionId).orElseThrow(() -> ApiException.notFound("inspection", inspectionId));
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
