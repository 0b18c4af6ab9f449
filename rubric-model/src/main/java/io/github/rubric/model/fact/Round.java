package io.github.rubric.model.fact;

/** Rounds of assessment in which the same rubric is scored. */
public enum Round implements Labelled {
    /** Self-assessment by the organisation. */
    SELF("自查"),
    /** Review by the higher-level committee. */
    REVIEW("复查"),
    /** Special or spot inspection during the year. */
    INSPECTION("专项督查"),
    /** Year-end comprehensive assessment. */
    ANNUAL("年终综合考评");

    private final String label;

    Round(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
