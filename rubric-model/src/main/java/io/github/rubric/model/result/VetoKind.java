package io.github.rubric.model.result;

/** What a veto (一票否决) does. */
public enum VetoKind {
    /** The section of the rule's item scores zero. */
    ZERO_SECTION,
    /** The grade cannot be higher than the named band. */
    CAP_GRADE,
    /** The assessment fails whatever the total. */
    FAIL
}
