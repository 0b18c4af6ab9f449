package io.github.rubric.model.fact;

/** Kinds of incident. */
public enum IncidentKind implements Labelled {
    /** Safety incident (personal injury, equipment). */
    SAFETY("安全事故"),
    /** Group petition or mass incident. */
    PETITION("群体性上访事件"),
    /** Birth outside the family plan. */
    UNPLANNED_BIRTH("计划外生育"),
    /** Any other incident. */
    OTHER("其他事件");

    private final String label;

    IncidentKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
