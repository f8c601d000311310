package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.tasks.task.ReportingCadence;
import io.rectification.tasks.task.TaskKind;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A coded column of the task breakdown table (任务类型, 调度频次) in the words people see: the console
 * shows a task's kind and cadence in these words (console/src/format.ts, KIND_LABELS and
 * CADENCE_LABELS), so the template writes them and a cell may hold them; the codes are still read,
 * for tables written before. A kind may also be written as the notice says it (即知即改 beside 立行立改,
 * 长期 for 长期坚持: docs/domain.md), and so may a cadence (日报告, 周调度, 月推进).
 */
final class PlanChoices<E extends Enum<E>> {

    static final PlanChoices<TaskKind> KIND = new PlanChoices<>(TaskKind.class, Map.of(
            TaskKind.IMMEDIATE, List.of("立行立改", "即知即改"),
            TaskKind.TIME_BOUND, List.of("限期整改"),
            TaskKind.LONG_TERM, List.of("长期坚持", "长期")));
    static final PlanChoices<ReportingCadence> CADENCE = new PlanChoices<>(ReportingCadence.class, Map.of(
            ReportingCadence.DAILY, List.of("日报", "日报告"),
            ReportingCadence.WEEKLY, List.of("周报", "周调度"),
            ReportingCadence.MONTHLY, List.of("月报", "月推进")));

    private final Class<E> type;
    /** Each value's words, the first being the one shown. */
    private final Map<E, List<String>> words;
    private final Map<String, E> byWord = new LinkedHashMap<>();

    private PlanChoices(Class<E> type, Map<E, List<String>> words) {
        this.type = type;
        this.words = words;
        for (E value : type.getEnumConstants()) {
            words.get(value).forEach(word -> byWord.put(word, value));
            byWord.put(value.name(), value);
        }
    }

    /** The word the template and the console show for {@code value}. */
    String word(E value) {
        return words.get(value).get(0);
    }

    /** The cell's value (a word or a code, blanks and a code's case ignored); null for an empty cell or, with an error, a wrong one. */
    E read(String cell, String field, List<FieldError> errors) {
        if (cell == null) {
            return null;
        }
        String text = cell.strip();
        E value = byWord.get(text);
        if (value == null) {
            value = byWord.get(text.toUpperCase(Locale.ROOT));
        }
        if (value == null) {
            errors.add(new FieldError(field, "'" + text + "' is not one of " + shown() + " (or the codes "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")"));
        }
        return value;
    }

    /** "立行立改, 限期整改, 长期坚持": the choices as the template offers them. */
    String shown() {
        return Arrays.stream(type.getEnumConstants()).map(this::word).collect(Collectors.joining(", "));
    }
}
