package io.github.rubric.model.fact;

/** How a disciplinary case ended, from mildest to gravest. */
public enum CaseSeverity implements Labelled {
    /** A violation found, without formal discipline. */
    VIOLATION("违纪违法问题"),
    /** Party discipline. */
    PARTY_DISCIPLINE("党纪处分"),
    /** Administrative discipline. */
    ADMINISTRATIVE_DISCIPLINE("政纪处分"),
    /** Criminal penalty. */
    CRIMINAL("刑事处理");

    private final String label;

    CaseSeverity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
