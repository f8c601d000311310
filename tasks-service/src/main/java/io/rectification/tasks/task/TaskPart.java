package io.rectification.tasks.task;

/**
 * A part of a task (an evidence entry, its file), or the list of a task's parts (its evidence, progress
 * reports, deadline extension requests), with the task's version: the parts have no version of their own
 * and every change to them moves the task's, so their answer's ETag is the task's. After a change it is
 * the If-Match of the task's next command (the entry's file, the next report); on a read, what an
 * If-None-Match names to be told the list has not changed (304).
 */
public record TaskPart<T>(T view, long taskVersion) {
}
