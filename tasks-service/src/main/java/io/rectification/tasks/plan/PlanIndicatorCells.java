package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.text.OptionalText;
import io.rectification.tasks.task.Direction;
import io.rectification.tasks.task.IndicatorInput;
import io.rectification.tasks.task.TargetKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicator columns of one row of the task breakdown table. A task may have several indicators;
 * each indicator column then holds one entry per indicator, separated by ';' and in the same order
 * as 指标名称 (an optional column may be left blank altogether, or hold empty entries).
 */
final class PlanIndicatorCells {

    /** 上升/下降 N% of the baseline: a relative target. Spaces are removed before matching. */
    private static final Pattern RELATIVE = Pattern.compile(
            "(?<dir>下降|降低|减少|压减|down|-|上升|提高|增长|增加|提升|up|\\+)(?<n>\\d+(\\.\\d+)?)[%％]");
    /** At least / at most N: an absolute target (a trailing % only repeats the unit). */
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<dir>≥|>=|不低于|不少于|atleast|≤|<=|不高于|不超过|atmost)(?<n>\\d+(\\.\\d+)?)[%％]?");
    private static final List<String> DOWN = List.of("下降", "降低", "减少", "压减", "down", "-", "≤", "<=", "不高于", "不超过", "atmost");

    static final String TARGET_FORMS = "write ≥N or ≤N (at least / at most N) for an absolute target, "
            + "上升N% or 下降N% (up N% / down N%) for a change from the baseline";

    private PlanIndicatorCells() {
    }

    /** The indicators the row states; what is wrong is added to {@code errors} as {@code <where>.<column>}. */
    static List<IndicatorInput> read(Map<String, String> record, String where, List<FieldError> errors) {
        List<String> names = entries(record.get(PlanColumns.INDICATOR_NAME));
        int count = names.size();
        int before = errors.size();
        List<List<String>> columns = new ArrayList<>();
        for (String column : PlanColumns.INDICATOR_DETAILS) {
            List<String> values = entries(record.get(column));
            if (values.isEmpty()) {
                values = java.util.Collections.nCopies(count, "");
            } else if (count == 0) {
                errors.add(new FieldError(where + "." + PlanColumns.INDICATOR_NAME,
                        "must name the indicator(s) that " + column + " describes"));
                return List.of();
            } else if (values.size() != count) {
                errors.add(new FieldError(where + "." + column, "has " + values.size() + " entries separated by ';' but "
                        + PlanColumns.INDICATOR_NAME + " has " + count));
            }
            columns.add(values);
        }
        if (errors.size() > before) {
            return List.of();
        }
        List<IndicatorInput> indicators = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String which = count > 1 ? "indicator " + (i + 1) + ": " : "";
            String unit = columns.get(0).get(i).strip();
            BigDecimal baseline = number(columns.get(1).get(i), unit, where + "." + PlanColumns.INDICATOR_BASELINE, which, errors);
            Target target = target(columns.get(2).get(i), where + "." + PlanColumns.INDICATOR_TARGET, which, errors);
            BigDecimal actual = number(columns.get(3).get(i), unit, where + "." + PlanColumns.INDICATOR_ACTUAL, which, errors);
            String source = OptionalText.of(columns.get(4).get(i));
            // a value that was given but refused has its own error: the source is not what is missing
            if (source != null && columns.get(3).get(i).isBlank()) {
                errors.add(new FieldError(where + "." + PlanColumns.INDICATOR_SOURCE,
                        which + "a source goes with a value in " + PlanColumns.INDICATOR_ACTUAL));
            }
            indicators.add(new IndicatorInput(OptionalText.of(names.get(i)), OptionalText.of(columns.get(0).get(i)), baseline,
                    target == null ? null : target.kind(), target == null ? null : target.value(),
                    target == null ? null : target.direction(), actual, source));
        }
        return indicators;
    }

    /** The column a property of {@link IndicatorInput} is read from, for error messages. */
    static String column(String property) {
        return switch (property) {
            case "name" -> PlanColumns.INDICATOR_NAME;
            case "unit" -> PlanColumns.INDICATOR_UNIT;
            case "baseline" -> PlanColumns.INDICATOR_BASELINE;
            case "actual" -> PlanColumns.INDICATOR_ACTUAL;
            case "actualSource" -> PlanColumns.INDICATOR_SOURCE;
            default -> PlanColumns.INDICATOR_TARGET;
        };
    }

    record Target(TargetKind kind, BigDecimal value, Direction direction) {
    }

    static Target parseTarget(String text) {
        String compact = text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        Matcher relative = RELATIVE.matcher(compact);
        if (relative.matches()) {
            return new Target(TargetKind.RELATIVE_PERCENT, new BigDecimal(relative.group("n")), direction(relative.group("dir")));
        }
        Matcher absolute = ABSOLUTE.matcher(compact);
        if (absolute.matches()) {
            return new Target(TargetKind.ABSOLUTE, new BigDecimal(absolute.group("n")), direction(absolute.group("dir")));
        }
        return null;
    }

    private static Direction direction(String word) {
        return DOWN.contains(word) ? Direction.DECREASE : Direction.INCREASE;
    }

    private static Target target(String text, String field, String which, List<FieldError> errors) {
        if (text.isBlank()) {
            errors.add(new FieldError(field, which + "must not be blank; " + TARGET_FORMS));
            return null;
        }
        Target target = parseTarget(text);
        if (target == null) {
            errors.add(new FieldError(field, which + "'" + text + "' is not a target; " + TARGET_FORMS));
        }
        return target;
    }

    /**
     * A figure in the indicator's unit. Excel shows thousands with separators ("1,200"): the figure is
     * the same. "50%" is 50 when the unit is % (a percentage cell shows its sign); in another unit the
     * sign says the figure is not in it.
     */
    private static BigDecimal number(String text, String unit, String field, String which, List<FieldError> errors) {
        if (text.isBlank()) {
            return null;
        }
        String figure = text.strip().replace(",", "").replace("，", "");
        boolean percent = figure.endsWith("%") || figure.endsWith("％");
        if (percent && !isPercent(unit)) {
            errors.add(new FieldError(field, which + "'" + text + "' is a percentage, but " + PlanColumns.INDICATOR_UNIT
                    + " is '" + unit + "': write the figure in " + (unit.isEmpty() ? "the indicator's unit" : unit)
                    + ", or make the unit %"));
            return null;
        }
        try {
            return new BigDecimal(percent ? figure.substring(0, figure.length() - 1).strip() : figure);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, which + "'" + text + "' is not a number"));
            return null;
        }
    }

    private static boolean isPercent(String unit) {
        return "%".equals(unit) || "％".equals(unit);
    }

    /** "a; b；c" → [a, b, c]; a blank cell → no entries; empty entries are kept in place. */
    private static List<String> entries(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;；]", -1)).map(String::strip).toList();
    }
}
