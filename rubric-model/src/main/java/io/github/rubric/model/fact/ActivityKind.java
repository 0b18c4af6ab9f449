package io.github.rubric.model.fact;

/** Kinds of activity. */
public enum ActivityKind implements Labelled {
    /** Meeting or activity called by the higher-level committee. */
    HIGHER_LEVEL_EVENT("上级会议和活动"),
    /** Study, training, lecture, test or exchange organised by the higher-level committee. */
    STUDY_TRAINING("学习教育活动"),
    /** Integrity (anti-corruption) education. */
    INTEGRITY_EDUCATION("党风廉政教育活动"),
    /** Activity linking with and serving the public, pairing and joint building. */
    MASS_SERVICE("联系服务群众活动"),
    /** Activity of the trade union, youth league or women's federation. */
    MASS_ORGANIZATION("工青妇活动"),
    /** Safety education. */
    SAFETY_EDUCATION("安全生产教育"),
    /** Culture or civilisation campaign. */
    CULTURE("企业文化活动"),
    /** Labour or skills competition. */
    COMPETITION("劳动竞赛"),
    /** Any other activity. */
    OTHER("其他活动");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
