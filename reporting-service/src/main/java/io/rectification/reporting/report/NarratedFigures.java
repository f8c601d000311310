package io.rectification.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a measure's own text says of one of its figures: the indicator's name followed closely by a
 * number ("新增亿元以上主导产业项目占比达92%", "空编率降低10%": at most four characters between, none
 * of them a digit or punctuation). The report leaves out a figure its text already states, and the
 * checks refuse a text that states another value than the figure printed beside it.
 */
final class NarratedFigures {

    /** Between the name and the number: 达, 为, 至, 降低, 同比下降 … */
    private static final String GAP = "([^\\d\\s，。；、：！？（）,.;:!?()“”]{0,4})";
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** Words of a change the other way from a relative figure's 下降 or 上升. */
    private static final Set<String> UPWARD = Set.of("上升", "增长", "提高", "增加", "提升");
    private static final Set<String> DOWNWARD = Set.of("下降", "降低", "减少", "压减", "缩减");

    /** One statement in the text: as written ({@code phrase}), with the value and, if written, the figure's unit. */
    record Stated(String phrase, BigDecimal value, boolean withUnit, boolean agrees) {

        /** Says the figure exactly, unit and all: saying it again under 主要指标 would only repeat it. */
        boolean repeats() {
            return agrees && withUnit;
        }
    }

    private NarratedFigures() {
    }

    static List<Stated> in(String text, Figure figure) {
        List<Stated> stated = new ArrayList<>();
        String indicator = figure.indicator() == null ? "" : figure.indicator().strip();
        if (text == null || indicator.isEmpty()) {
            return stated;
        }
        String unit = figure.unit() == null ? "" : figure.unit().strip();
        Matcher named = Pattern.compile(Pattern.quote(indicator) + GAP + "(" + NUMBER.pattern() + ")").matcher(text);
        while (named.find()) {
            if (named.end() < text.length() && "年月日".indexOf(text.charAt(named.end())) >= 0) {
                continue; // "占比由2024年的92%…": a date, not the figure
            }
            if (named.group(1).contains("由") || named.group(1).contains("从")) {
                continue; // "空编率由15%降至5%": where it started from, not what it is
            }
            BigDecimal value = new BigDecimal(named.group(2));
            boolean withUnit = !unit.isEmpty() && text.startsWith(unit, named.end());
            boolean agrees = value.compareTo(figure.value()) == 0 && !otherWay(named.group(1), figure, indicator);
            stated.add(new Stated(named.group() + (withUnit ? unit : ""), value, withUnit, agrees));
        }
        return stated;
    }

    /** Whether the words between name and number change the other way from a relative figure ("空编率下降"). */
    private static boolean otherWay(String between, Figure figure, String indicator) {
        String name = figure.name() == null ? "" : figure.name().strip();
        String direction = name.startsWith(indicator) ? name.substring(indicator.length()) : "";
        Set<String> opposite = switch (direction) {
            case "下降" -> UPWARD;
            case "上升" -> DOWNWARD;
            default -> Set.of();
        };
        return opposite.stream().anyMatch(between::contains);
    }
}
