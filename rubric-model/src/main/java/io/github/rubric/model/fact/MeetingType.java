package io.github.rubric.model.fact;

/** Kinds of meeting, by the glossary's names. */
public enum MeetingType implements Labelled {
    /** General membership meeting. */
    GENERAL_MEETING("党员大会"),
    /** Branch committee meeting. */
    COMMITTEE_MEETING("支委会"),
    /** Party group meeting. */
    GROUP_MEETING("党小组会"),
    /** Party lecture. */
    PARTY_LECTURE("党课"),
    /** Democratic life meeting of the leadership. */
    DEMOCRATIC_LIFE_MEETING("民主生活会"),
    /** Organisational life meeting of all members. */
    ORGANIZATIONAL_LIFE_MEETING("组织生活会"),
    /** Themed party day. */
    THEMED_PARTY_DAY("主题党日"),
    /** Group study session. */
    STUDY_SESSION("集中学习"),
    /** Yearly democratic appraisal of members. */
    MEMBER_APPRAISAL("民主评议党员"),
    /** One-to-one talks. */
    HEART_TO_HEART_TALK("谈心谈话"),
    /** Meeting of the leadership team. */
    LEADERSHIP_MEETING("班子会");

    private final String label;

    MeetingType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
