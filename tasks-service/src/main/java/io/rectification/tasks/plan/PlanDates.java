package io.rectification.tasks.plan;

import io.rectification.platform.rest.InputLimits;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date in a cell of the task breakdown table (完成时限, a stage goal's date) as offices write it:
 * 2026-12-31, 2026/12/31, 2026/1/5, 2026-1-5, 2026.12.31, 2026年12月31日, in full-width digits too
 * (２０２６－１２－３１), with blanks around or inside; Excel (zh-CN) turns the template's 2026-12-31
 * into 2026/12/31 when it saves a CSV, and a date-time cell into "2026/12/31 0:00" (the time is
 * dropped). A whole number of five digits from 36526 to 73050 is an Excel serial day (1900 system:
 * 2000-01-01 to 2099-12-31), what a date cell formatted as General shows: a deadline of this century
 * is the only thing such a number in a date column can be; any other number is refused. Days follow
 * the JSON body's range ({@link InputLimits#dateProblem}). Query parameters stay ISO
 * ({@code QueryParameters.date}): programs write them, not people.
 */
final class PlanDates {

    /** The forms a refusal lists, the first being what the template writes. */
    static final String FORMS = "2026-12-31, 2026/12/31, 2026.12.31 or 2026年12月31日";

    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}");
    private static final Pattern TIME = Pattern.compile("\\s+\\d{1,2}:\\d{2}(:\\d{2})?$");
    private static final int FIRST_SERIAL = 36526;
    private static final int LAST_SERIAL = 73050;
    /** Day 0 of Excel's 1900 system for every serial after its phantom 1900-02-29 (serial 60). */
    private static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);

    private PlanDates() {
    }

    /** The day read, or why not (a refusal naming the forms read); {@code fromSerial} when it was an Excel serial. */
    record Reading(LocalDate date, String problem, boolean fromSerial) {
    }

    static Reading read(String text) {
        String plain = TIME.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFKC)).replaceFirst("")
                .replaceAll("\\s+", "");
        Matcher numeric = NUMERIC.matcher(plain);
        Matcher chinese = CHINESE.matcher(plain);
        Matcher match = numeric.matches() ? numeric : chinese.matches() ? chinese : null;
        if (match != null) {
            try {
                int day = Integer.parseInt(match.group(match.groupCount()));
                return within(text, LocalDate.of(Integer.parseInt(match.group(1)),
                        Integer.parseInt(match.group(match == numeric ? 3 : 2)), day), false);
            } catch (DateTimeException e) {
                return refused(text);
            }
        }
        if (SERIAL.matcher(plain).matches()) {
            int serial = Integer.parseInt(plain);
            if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL) {
                return within(text, SERIAL_EPOCH.plusDays(serial), true);
            }
        }
        return refused(text);
    }

    private static Reading within(String text, LocalDate date, boolean fromSerial) {
        String problem = InputLimits.dateProblem(date);
        return problem == null ? new Reading(date, null, fromSerial) : new Reading(null, "'" + text + "' " + problem, false);
    }

    private static Reading refused(String text) {
        String problem = "'" + text + "' is not a date; write it as " + FORMS;
        if (text.strip().startsWith("长期")) {
            // the notice marks long-term measures 长期坚持: that is the task's kind, not its deadline
            problem += " (长期坚持 is a 任务类型: a long-term task still has a deadline, and its stages in 阶段性目标)";
        }
        return new Reading(null, problem, false);
    }
}
