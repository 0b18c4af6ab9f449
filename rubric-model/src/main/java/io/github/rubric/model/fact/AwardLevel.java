package io.github.rubric.model.fact;

/** Level of an award, from highest to lowest. */
public enum AwardLevel implements Labelled {
    /** National. */
    NATIONAL("国家"),
    /** Provincial. */
    PROVINCIAL("省"),
    /** City or prefecture. */
    MUNICIPAL("市"),
    /** County or district. */
    COUNTY("县"),
    /** Township. */
    TOWNSHIP("镇");

    private final String label;

    AwardLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
