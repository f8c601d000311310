package io.rectification.reporting.export;

import java.util.Arrays;

/** The three lists of a rectification plan (问题清单、任务清单、责任清单), as exported. */
public enum RectificationList {
    PROBLEMS("problems", "问题清单"),
    TASKS("tasks", "任务清单"),
    RESPONSIBILITIES("responsibilities", "责任清单");

    final String path;
    final String title;

    RectificationList(String path, String title) {
        this.path = path;
        this.title = title;
    }

    static RectificationList fromPath(String path) {
        return Arrays.stream(values()).filter(list -> list.path.equals(path)).findFirst().orElse(null);
    }
}
