package io.github.rubric.model.fact;

/** The role of a person in the organisation. */
public enum Role implements Labelled {
    /** Member of the leadership team (班子成员 / 领导干部). */
    LEADER("班子成员"),
    /** Ordinary cadre. */
    CADRE("一般干部"),
    /** Party member. */
    MEMBER("党员"),
    /** Staff member who is not a party member. */
    STAFF("工作人员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
