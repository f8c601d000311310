package io.rectification.reporting.report;

/** 1 → 一, 12 → 十二, 21 → 二十一: the numbering of the notice's areas (一) and measures 一是. */
public final class ChineseNumerals {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseNumerals() {
    }

    public static String of(int number) {
        if (number <= 0 || number >= 100) {
            return String.valueOf(number);
        }
        if (number < 10) {
            return DIGITS[number];
        }
        int tens = number / 10;
        int units = number % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (units == 0 ? "" : DIGITS[units]);
    }
}
