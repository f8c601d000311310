package io.rectification.tasks.lists;

/** The notice's numbering: (一) for areas, 一是 for tasks. */
final class ChineseNumbers {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseNumbers() {
    }

    static String of(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        if (n < 100) {
            return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        return String.valueOf(n);
    }

    static String label(int area, int problem, int task) {
        return "(" + of(area) + ")" + problem + "." + (task > 0 ? of(task) + "是" : "");
    }
}
