package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.tasks.task.RectificationTask;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 责任单位 written almost like a unit the ledger knows: 招商居 for 招商局, 招 商 局, ＡＢＣ局. An officer acts
 * only on the tasks of their own unit, by its exact name, so such a task has nobody to report on it,
 * and nothing said so until the reports were missing. tasks-service has no directory of units, but
 * it knows the units its tasks name (of every inspection): a unit new to the ledger that is one
 * character away from one of them (or from a unit of an earlier row), or the same but for blanks
 * and character width, is a warning, never a refusal (a new unit may well be new).
 */
final class UnitNames {

    private static final Pattern BLANKS = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private UnitNames() {
    }

    /** Every responsible unit the ledger's tasks name, in one query. */
    static Set<String> inLedger() {
        return new HashSet<>(RectificationTask.getEntityManager()
                .createQuery("select distinct t.responsibleUnit from RectificationTask t", String.class).getResultList());
    }

    static List<FieldError> warnings(List<PlanRow> rows, Set<String> known) {
        Map<String, String> normalKnown = new LinkedHashMap<>();
        known.forEach(unit -> normalKnown.put(unit, normal(unit)));
        Map<String, String> earlierNormal = new LinkedHashMap<>();
        Map<String, String> earlierWhere = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<FieldError> warnings = new ArrayList<>();
        for (PlanRow row : rows) {
            String unit = row.task().responsibleUnit().strip();
            if (known.contains(unit) || !seen.add(unit)) {
                continue;
            }
            String normal = normal(unit);
            String close = closest(normal, normalKnown);
            String where = close == null ? null : "in the ledger";
            if (close == null) {
                close = closest(normal, earlierNormal);
                where = close == null ? null : earlierWhere.get(close);
            }
            if (close != null) {
                warnings.add(new FieldError(row.where() + "." + PlanColumns.RESPONSIBLE_UNIT, "'" + unit
                        + "' is new to the ledger and close to '" + close + "' (" + where + "): officers act only on the "
                        + "tasks of their unit, by its exact name"));
            }
            earlierNormal.put(unit, normal);
            earlierWhere.put(unit, row.where());
        }
        return warnings;
    }

    private static String closest(String normal, Map<String, String> candidates) {
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            String other = candidate.getValue();
            if (other.equals(normal) || Math.abs(other.length() - normal.length()) <= 1 && SimilarTitles.edits(other, normal) == 1) {
                return candidate.getKey();
            }
        }
        return null;
    }

    private static String normal(String unit) {
        return BLANKS.matcher(Normalizer.normalize(unit, Normalizer.Form.NFKC)).replaceAll("");
    }
}
