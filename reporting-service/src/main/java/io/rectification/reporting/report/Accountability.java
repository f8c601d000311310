package io.rectification.reporting.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the report says about leadership and accountability, from the tasks events: the leading group
 * by position, and people held accountable by kind (诫勉谈话…, counts only) with funds recovered
 * (追回资金) and losses retrieved (挽回损失) in 万元.
 */
public final class Accountability {

    /** The kinds in the order a notice lists them, with their words. */
    static final Map<String, String> KINDS = new java.util.LinkedHashMap<>();

    static {
        KINDS.put("ADMONISHMENT_TALK", "诫勉谈话");
        KINDS.put("CRITICISM_EDUCATION", "批评教育");
        KINDS.put("PARTY_DISCIPLINE", "党纪处分");
        KINDS.put("GOVERNMENT_SANCTION", "政务处分");
        KINDS.put("ORGANISATIONAL_HANDLING", "组织处理");
    }

    private Accountability() {
    }

    /** 第一责任人 and 整改工作领导小组 by position; {@code leader} null when the group names none. */
    public record LeadingGroup(String firstResponsible, String leader, List<String> deputies, List<String> members) {
    }

    /**
     * People by kind (in {@link #KINDS} order, only kinds with people) and amounts in 万元 (zero when
     * none was recorded).
     */
    public record Figures(Map<String, Integer> peopleByKind, BigDecimal recoveredWanYuan, BigDecimal retrievedWanYuan) {

        static final Figures NONE = new Figures(Map.of(), BigDecimal.ZERO, BigDecimal.ZERO);

        public int people() {
            return peopleByKind.values().stream().mapToInt(Integer::intValue).sum();
        }

        public boolean none() {
            return peopleByKind.isEmpty() && recoveredWanYuan.signum() == 0 && retrievedWanYuan.signum() == 0;
        }
    }
}
