package io.rectification.platform.lists;

import java.util.Arrays;
import java.util.Optional;

/** The three lists of a rectification plan (问题清单、任务清单、责任清单): their path name and title. */
public enum RectificationList {
    PROBLEMS(Paths.PROBLEMS, "问题清单"),
    TASKS(Paths.TASKS, "任务清单"),
    RESPONSIBILITIES(Paths.RESPONSIBILITIES, "责任清单");

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

    RectificationList(String path, String title) {
        this.path = path;
        this.title = title;
    }

    /** As in a download's path: {@code problems}, {@code tasks}, {@code responsibilities}. */
    public String path() {
        return path;
    }

    /** The list's name, also the sheet's. */
    public String title() {
        return title;
    }

    public static Optional<RectificationList> fromPath(String path) {
        return Arrays.stream(values()).filter(list -> list.path.equals(path)).findFirst();
    }
}
