package io.rectification.tasks.lists;

import io.rectification.platform.text.ChineseNumerals;

/** The notice's numbering of a list row: (一)3. for a problem of the first area, (一)3.二是 for its second task. */
final class ListLabels {

    private ListLabels() {
    }

    static String label(int area, int problem, int task) {
        return "(" + ChineseNumerals.of(area) + ")" + problem + "." + (task > 0 ? ChineseNumerals.of(task) + "是" : "");
    }
}
