package io.rectification.platform.lists;

import java.time.LocalDate;

/**
 * One line of 任务清单 and 责任清单 as either service knows it. Codes ({@code kind}, {@code state}) are
 * the contract's; {@code deadline} is a day (a date cell in XLSX, YYYY-MM-DD in CSV); a number or day
 * that is not known is null and exported as an empty cell.
 */
public record TaskLine(Integer areaNumber, String areaTitle, Integer problemNumber, String problemTitle,
                       Integer taskNumber, String title, String measures, String kind, LocalDate deadline, String state,
                       Integer percentComplete, String progressNarrative, String leadOfficial,
                       String responsiblePerson, String responsibleUnit) {
}
