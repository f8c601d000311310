package io.rectification.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.reporting.support.Json;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the leading group and the accountability figures of an inspection from their read models; a
 * withdrawn record (撤销登记) is in no figure.
 */
@ApplicationScoped
class AccountabilityQueries {

    private static final UUID WHOLE_INSPECTION = new UUID(0, 0);

    private final Sql sql;
    private final ObjectMapper json;

    AccountabilityQueries(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    Optional<Accountability.LeadingGroup> leadingGroup(UUID inspectionId) {
        String data = sql.one("SELECT data FROM rm_leading_group WHERE inspection_id = ?", row -> row.getString(1),
                inspectionId);
        if (data == null) {
            return Optional.empty();
        }
        JsonNode group = read(data);
        String leader = null;
        List<String> deputies = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (JsonNode member : group.path("members")) {
            String position = Json.text(member, "position");
            switch (String.valueOf(Json.text(member, "role"))) {
                case "LEADER" -> leader = leader == null ? position : leader;
                case "DEPUTY_LEADER" -> deputies.add(position);
                default -> members.add(position);
            }
        }
        return Optional.of(new Accountability.LeadingGroup(Json.text(group, "firstResponsiblePosition"), leader,
                deputies, members));
    }

    /** The inspection's totals. */
    Accountability.Figures total(UUID inspectionId) {
        return byProblem(inspectionId, false).getOrDefault(WHOLE_INSPECTION, Accountability.Figures.NONE);
    }

    /** The figures recorded against each problem (records of the inspection as a whole are left out). */
    Map<UUID, Accountability.Figures> byProblem(UUID inspectionId) {
        Map<UUID, Accountability.Figures> figures = byProblem(inspectionId, true);
        figures.remove(WHOLE_INSPECTION);
        return figures;
    }

    private Map<UUID, Accountability.Figures> byProblem(UUID inspectionId, boolean perProblem) {
        String key = perProblem ? "coalesce(problem_id, CAST(? AS uuid))" : "CAST(? AS uuid)";
        Map<UUID, Map<String, Integer>> people = new HashMap<>();
        sql.query("SELECT " + key + ", kind, sum(people) FROM rm_accountability_outcome WHERE inspection_id = ?"
                        + " AND NOT withdrawn"
                        + " GROUP BY 1, 2",
                row -> people.computeIfAbsent(row.getObject(1, UUID.class), k -> new HashMap<>())
                        .put(row.getString(2), row.getInt(3)), WHOLE_INSPECTION, inspectionId);
        Map<UUID, BigDecimal[]> funds = new HashMap<>();
        sql.query("SELECT " + key + ", kind, sum(amount_wan_yuan) FROM rm_recovered_funds WHERE inspection_id = ?"
                        + " AND NOT withdrawn"
                        + " GROUP BY 1, 2",
                row -> funds.computeIfAbsent(row.getObject(1, UUID.class), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO})
                        ["RETRIEVED_LOSSES".equals(row.getString(2)) ? 1 : 0] = row.getBigDecimal(3),
                WHOLE_INSPECTION, inspectionId);
        Map<UUID, Accountability.Figures> figures = new HashMap<>();
        java.util.Set<UUID> keys = new java.util.HashSet<>(people.keySet());
        keys.addAll(funds.keySet());
        for (UUID problem : keys) {
            Map<String, Integer> ordered = new LinkedHashMap<>();
            Map<String, Integer> counted = people.getOrDefault(problem, Map.of());
            Accountability.KINDS.keySet().forEach(kind -> {
                if (counted.containsKey(kind)) {
                    ordered.put(kind, counted.get(kind));
                }
            });
            BigDecimal[] amounts = funds.getOrDefault(problem, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            figures.put(problem, new Accountability.Figures(ordered, amounts[0], amounts[1]));
        }
        return figures;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
