package io.github.rubric.model.fact;

/** Kinds of assessed organisation. */
public enum OrganizationType implements Labelled {
    /** Party branch. */
    PARTY_BRANCH("党支部"),
    /** General party branch. */
    GENERAL_BRANCH("党总支"),
    /** Party committee. */
    PARTY_COMMITTEE("党委"),
    /** Township (苏木 or 镇). */
    TOWNSHIP("苏木镇"),
    /** Village (Inner Mongolia). */
    GACHA("嘎查"),
    /** Urban community. */
    COMMUNITY("社区"),
    /** Village or neighbourhood. */
    VILLAGE("村(居)"),
    /** Enterprise or factory unit. */
    ENTERPRISE("企业");

    private final String label;

    OrganizationType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
