package io.rectification.tasks.work;

/**
 * A part of a task (an evidence entry, its file) as a change left it, with the task's version after the
 * change: the part has no version of its own, so its answer's ETag is the task's, the If-Match of the
 * task's next command (the entry's file, the next report).
 */
public record TaskPart<T>(T view, long taskVersion) {
}
