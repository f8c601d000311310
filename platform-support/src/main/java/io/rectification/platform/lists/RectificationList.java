package io.rectification.platform.lists;

import io.rectification.platform.rest.DownloadName;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three lists of a rectification plan (问题清单、任务清单、责任清单): their path name, title and the
 * name a download of them is filed under.
 */
public enum RectificationList {
    PROBLEMS(Paths.PROBLEMS, "问题清单", "problem-list"),
    TASKS(Paths.TASKS, "任务清单", "task-list"),
    RESPONSIBILITIES(Paths.RESPONSIBILITIES, "责任清单", "responsibility-list");

    /** The path names as constants, for what takes only constants (the OpenAPI enumeration of {list}). */
    public static final class Paths {
        public static final String PROBLEMS = "problems";
        public static final String TASKS = "tasks";
        public static final String RESPONSIBILITIES = "responsibilities";

        private Paths() {
        }
    }

    private final String path;
    private final String title;
    private final String asciiTitle;

    RectificationList(String path, String title, String asciiTitle) {
        this.path = path;
        this.title = title;
        this.asciiTitle = asciiTitle;
    }

    /** As in a download's path: {@code problems}, {@code tasks}, {@code responsibilities}. */
    public String path() {
        return path;
    }

    /** The list's name, also the sheet's. */
    public String title() {
        return title;
    }

    /** 整改任务清单: the list as an office names the file it keeps (the title alone says not of what). */
    public String fileTitle() {
        return "整改" + title;
    }

    /** task-list: the file's name for a client that reads only an ASCII name (tasks-service's path names it so too). */
    public String asciiTitle() {
        return asciiTitle;
    }

    /**
     * 整改任务清单-省委第一巡视组-2026-12-05.xlsx: the download of the list of {@code inspection} (its team,
     * or what names it) as it stood on {@code day}.
     */
    public DownloadName downloadName(String inspection, LocalDate day, String extension) {
        return DownloadName.dated(fileTitle(), inspection, asciiTitle, day, extension);
    }

    public static Optional<RectificationList> fromPath(String path) {
        return Arrays.stream(values()).filter(list -> list.path.equals(path)).findFirst();
    }
}
