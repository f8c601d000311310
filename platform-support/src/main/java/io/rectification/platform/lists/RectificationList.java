package io.rectification.platform.lists;

import io.rectification.platform.rest.DownloadName;
import io.rectification.platform.text.ChineseDates;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

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
     * or what names it) as it stood on {@code day}. The ASCII name, for a client that reads no other, carries
     * the inspection id's first 8 hex digits, task-list-1f0c9a2b-2026-12-05.xlsx: without them two
     * inspections' lists of one day had the same name and were saved over each other.
     */
    public DownloadName downloadName(String inspection, UUID inspectionId, LocalDate day, String extension) {
        return DownloadName.dated(fileTitle(), inspection, asciiTitle + "-" + inspectionId.toString().substring(0, 8), day,
                extension);
    }

    /**
     * 省委第七巡视组专项巡视沈阳高新区 整改任务清单（截至2026年12月5日）: the line a sheet of the list opens with
     * (platform {@code table.XlsxWriter.write(Table, String)}), so a printed or forwarded sheet says whose list
     * it is and of which day; {@code inspection} is its title (its team when it has none; the line starts with
     * the list when neither is known).
     */
    public String sheetTitle(String inspection, LocalDate day) {
        String whose = inspection == null || inspection.isBlank() ? "" : inspection.strip() + " ";
        return whose + fileTitle() + "（截至" + ChineseDates.day(day) + "）";
    }

    public static Optional<RectificationList> fromPath(String path) {
        return Arrays.stream(values()).filter(list -> list.path.equals(path)).findFirst();
    }
}
