package io.rectification.platform.lists;

/**
 * One line of 问题清单 as either service knows it. Codes ({@code source}) are the contract's; a
 * number that is not known is null and exported as an empty cell.
 */
public record ProblemLine(Integer areaNumber, String areaTitle, Integer problemNumber, String title,
                          String description, String source, long taskCount, long closedTaskCount,
                          Integer percentComplete) {
}
