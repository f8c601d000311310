package io.rectification.platform.text;

/**
 * 1 → 一, 12 → 十二, 21 → 二十一: how a rectification notice numbers its areas ((一)) and its
 * measures (一是). The one copy for every service (lists, exports, the public report); numbers a
 * notice never writes this way (below 1, from 100) stay in digits.
 */
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
