package io.rectification.tasks.accountability;

/** How people were held accountable (问责), as notices count them. */
public enum AccountabilityKind {
    /** 诫勉谈话 */
    ADMONISHMENT_TALK,
    /** 批评教育 */
    CRITICISM_EDUCATION,
    /** 党纪处分 */
    PARTY_DISCIPLINE,
    /** 政务处分 */
    GOVERNMENT_SANCTION,
    /** 组织处理 */
    ORGANISATIONAL_HANDLING
}
