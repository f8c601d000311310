package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.rest.InputLimits;
import io.rectification.platform.rest.NoContactDetails;
import io.rectification.platform.text.OptionalText;
import io.rectification.tasks.task.IndicatorInput;
import io.rectification.tasks.task.MilestoneInput;
import io.rectification.tasks.task.ReportingCadence;
import io.rectification.tasks.task.TaskInput;
import io.rectification.tasks.task.TaskKind;
import io.rectification.tasks.task.TaskRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rows of a breakdown table into tasks, each bad cell an error named {@code row N.列名}
 * and what the reading changed a warning. The rules, the same for CSV and XLSX:
 * <ul>
 * <li>a wholly blank row is skipped (a separator between areas);</li>
 * <li>an empty 反馈意见方面 takes the area of the row above, and an empty 具体问题 the problem of the row
 *     above when the area is the same: how a table whose area and problem cells are merged over their
 *     tasks looks once saved as CSV (or unmerged), never before the first area or problem given;</li>
 * <li>every cell is text without control characters, as every JSON text ({@link InputLimits#textProblem});</li>
 * <li>no text holds contact details ({@link NoContactDetails}): the task's cells as its record's
 *     fields are checked, the area and problem titles here;</li>
 * <li>a title's own numbering is removed ({@link PlanTitles}), with a warning;</li>
 * <li>dates as offices write them ({@link PlanDates}); an Excel serial day read is a warning.</li>
 * </ul>
 */
final class PlanRowReader {

    private static final Pattern INDICATOR_PROPERTY = Pattern.compile("indicators\\[(\\d+)]\\.(\\w+)");
    private static final Pattern MILESTONE_PROPERTY = Pattern.compile("milestones\\[(\\d+)]\\.\\w+");
    /** The spreadsheet column of each property of a task. */
    static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("title", PlanColumns.TITLE),
            Map.entry("measures", PlanColumns.MEASURES), Map.entry("progressNarrative", PlanColumns.NARRATIVE),
            Map.entry("leadOfficial", PlanColumns.LEAD_OFFICIAL), Map.entry("responsiblePerson", PlanColumns.RESPONSIBLE_PERSON),
            Map.entry("responsibleUnit", PlanColumns.RESPONSIBLE_UNIT), Map.entry("deadline", PlanColumns.DEADLINE),
            Map.entry("kind", PlanColumns.KIND), Map.entry("reportingCadence", PlanColumns.CADENCE),
            Map.entry("milestones", PlanColumns.MILESTONES), Map.entry("indicators", PlanColumns.INDICATOR_NAME));

    /** The tasks read, the cells refused, and what the reading changed or noticed. */
    record Rows(List<PlanRow> rows, List<FieldError> errors, List<FieldError> warnings) {
    }

    private final Validator validator;
    private final LocalDate onSiteFrom;
    private final List<PlanRow> rows = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();
    /** Titles whose numbering was already reported: once per column and title, not once per row. */
    private final Set<String> renumbered = new HashSet<>();

    private PlanRowReader(Validator validator, LocalDate onSiteFrom) {
        this.validator = validator;
        this.onSiteFrom = onSiteFrom;
    }

    static Rows read(PlanTable table, LocalDate onSiteFrom, Validator validator) {
        PlanRowReader reader = new PlanRowReader(validator, onSiteFrom);
        reader.warnings.addAll(table.notes());
        reader.readTable(table);
        return new Rows(reader.rows, reader.errors, reader.warnings);
    }

    private void readTable(PlanTable table) {
        List<String> missing = PlanColumns.REQUIRED.stream().filter(column -> !table.has(column)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("header", "missing column(s) " + String.join(", ", missing) + " in the header ("
                    + table.headerAt() + "); " + PlanHeader.TEMPLATE));
            return;
        }
        FieldError tooMany = PlanLimits.tooMany((int) table.rows().stream().filter(row -> !row.blank()).count());
        if (tooMany != null) {
            errors.add(tooMany);
            return;
        }
        String area = null;
        String problem = null;
        for (PlanTable.Row row : table.rows()) {
            if (row.blank()) {
                continue;
            }
            String where = "row " + row.line();
            if (row.cellCount() != table.header().size()) {
                errors.add(new FieldError(where, "has " + row.cellCount() + " cells; the header has " + table.header().size()));
                continue;
            }
            Map<String, String> cells = new HashMap<>(row.cells());
            String ownArea = cell(cells, PlanColumns.AREA);
            String ownProblem = cell(cells, PlanColumns.PROBLEM);
            boolean sameArea = ownArea == null || area != null && SimilarTitles.key(ownArea).equals(SimilarTitles.key(area));
            area = ownArea != null ? ownArea : area;
            problem = ownProblem != null ? ownProblem : sameArea ? problem : null;
            cells.put(PlanColumns.AREA, area);
            cells.put(PlanColumns.PROBLEM, problem);
            readRow(row.line(), where, cells);
        }
    }

    private void readRow(long line, String where, Map<String, String> record) {
        int before = errors.size();
        record.forEach((column, value) -> {
            String problem = value == null ? null : InputLimits.textProblem(value);
            if (problem != null) {
                errors.add(new FieldError(where + "." + column, problem));
            }
        });
        String area = title(required(record, PlanColumns.AREA, where, 500), where, PlanColumns.AREA);
        String problem = title(required(record, PlanColumns.PROBLEM, where, 500), where, PlanColumns.PROBLEM);
        String title = title(cell(record, PlanColumns.TITLE), where, PlanColumns.TITLE);
        LocalDate deadline = date(cell(record, PlanColumns.DEADLINE), where + "." + PlanColumns.DEADLINE);
        TaskKind kind = PlanChoices.KIND.read(cell(record, PlanColumns.KIND), where + "." + PlanColumns.KIND, errors);
        ReportingCadence cadence = PlanChoices.CADENCE.read(cell(record, PlanColumns.CADENCE),
                where + "." + PlanColumns.CADENCE, errors);
        List<MilestoneInput> milestones = milestones(cell(record, PlanColumns.MILESTONES), where + "." + PlanColumns.MILESTONES);
        List<IndicatorInput> indicators = PlanIndicatorCells.read(record, where, errors);
        TaskInput task = new TaskInput(title, cell(record, PlanColumns.MEASURES),
                cell(record, PlanColumns.NARRATIVE), cell(record, PlanColumns.LEAD_OFFICIAL),
                cell(record, PlanColumns.RESPONSIBLE_PERSON), cell(record, PlanColumns.RESPONSIBLE_UNIT),
                deadline, kind, cadence, null, indicators, milestones);
        if (errors.size() == before) {
            for (ConstraintViolation<TaskInput> violation : validator.validate(task)) {
                errors.add(located(where, violation.getPropertyPath().toString(), violation.getMessage(), task));
            }
            for (FieldError rule : TaskRules.check(task, onSiteFrom, "")) {
                errors.add(located(where, rule.field(), rule.message(), task));
            }
        }
        if (errors.size() == before) {
            rows.add(new PlanRow(line, area, problem, task));
        }
    }

    /** The title without the clerk's numbering, which is reported once per column and title. */
    private String title(String value, String where, String column) {
        if (value == null) {
            return null;
        }
        PlanTitles.Stripped stripped = PlanTitles.strip(value);
        if (!stripped.numbering().isEmpty() && renumbered.add(column + "|" + value)) {
            warnings.add(new FieldError(where + "." + column, "numbering '" + stripped.numbering()
                    + "' removed: areas, problems and tasks are numbered by their place in the plan"));
        }
        return stripped.title();
    }

    /**
     * Names the spreadsheet column a property of the task belongs to; an indicator's property
     * ({@code indicators[1].baseline}) is named by its column and, when the row has several, its place;
     * a stage goal's ({@code milestones[1].dueDate}) by its place and title, as one cell holds them all.
     */
    private static FieldError located(String where, String property, String message, TaskInput task) {
        Matcher indicator = INDICATOR_PROPERTY.matcher(property);
        if (indicator.matches()) {
            String which = task.indicatorsOrEmpty().size() > 1 ? "indicator " + (Integer.parseInt(indicator.group(1)) + 1) + ": " : "";
            return new FieldError(where + "." + PlanIndicatorCells.column(indicator.group(2)), which + message);
        }
        Matcher milestone = MILESTONE_PROPERTY.matcher(property);
        if (milestone.matches()) {
            int index = Integer.parseInt(milestone.group(1));
            return new FieldError(where + "." + PlanColumns.MILESTONES, "stage goal " + (index + 1) + " '"
                    + task.milestonesOrEmpty().get(index).title() + "': " + message);
        }
        String column = COLUMN_OF.getOrDefault(property.replaceAll("[\\[.].*", ""), property);
        return new FieldError(where + "." + column, message);
    }

    private static String cell(Map<String, String> record, String column) {
        return OptionalText.of(record.get(column));
    }

    /**
     * An area's or a problem's title, which no request record holds to validate: required, at most
     * {@code max} characters and, as every text the plan publishes, without contact details.
     */
    private String required(Map<String, String> record, String column, String where, int max) {
        String value = cell(record, column);
        if (value == null) {
            errors.add(new FieldError(where + "." + column, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(new FieldError(where + "." + column, "size must be between 1 and " + max));
        } else {
            String contacts = NoContactDetails.Check.problem(value);
            if (contacts != null) {
                errors.add(new FieldError(where + "." + column, contacts));
            }
        }
        return value;
    }

    private LocalDate date(String value, String field) {
        if (value == null) {
            return null;
        }
        PlanDates.Reading reading = PlanDates.read(value);
        if (reading.problem() != null) {
            errors.add(new FieldError(field, reading.problem()));
        } else if (reading.fromSerial()) {
            warnings.add(new FieldError(field, "'" + value + "' read as an Excel date serial number: " + reading.date()));
        }
        return reading.date();
    }

    /** "title@2024-12-31; title@2025-06-30" (＠ and ；too, the date in any form {@link PlanDates} reads). */
    private List<MilestoneInput> milestones(String value, String field) {
        List<MilestoneInput> milestones = new ArrayList<>();
        if (value == null) {
            return milestones;
        }
        for (String part : value.split("[;；]")) {
            if (part.isBlank()) {
                continue;
            }
            int at = Math.max(part.lastIndexOf('@'), part.lastIndexOf('＠'));
            if (at < 0) {
                errors.add(new FieldError(field, "'" + part.strip() + "' is not title@YYYY-MM-DD"));
                continue;
            }
            LocalDate due = date(part.substring(at + 1).strip(), field);
            milestones.add(new MilestoneInput(part.substring(0, at).strip(), due));
        }
        return milestones;
    }
}
