package io.rectification.platform.lists;

/**
 * One line of 任务清单 and 责任清单 as either service knows it. Codes ({@code kind}, {@code state}) are
 * the contract's; {@code deadline} is YYYY-MM-DD; a number that is not known is null and exported as
 * an empty cell.
 */
public record TaskLine(Integer areaNumber, String areaTitle, Integer problemNumber, String problemTitle,
                       Integer taskNumber, String title, String measures, String kind, String deadline, String state,
                       Integer percentComplete, String progressNarrative, String leadOfficial,
                       String responsiblePerson, String responsibleUnit) {
}
