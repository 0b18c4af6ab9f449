package io.github.rubric.model.fact;

/** Severity of an incident. */
public enum IncidentSeverity implements Labelled {
    /** Major: casualties, serious damage or grave public effect. */
    MAJOR("重大"),
    /** Ordinary. */
    ORDINARY("一般");

    private final String label;

    IncidentSeverity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
