package io.github.rubric.model.fact;

/** Kinds of written submission to the higher-level committee. */
public enum SubmissionKind implements Labelled {
    /** Party-building information report. */
    INFORMATION_REPORT("党建信息"),
    /** Research article. */
    RESEARCH_ARTICLE("调研文章"),
    /** News piece. */
    NEWS_ARTICLE("新闻稿"),
    /** Blackboard bulletin. */
    BLACKBOARD_BULLETIN("黑板报"),
    /** Report of good deeds (双服务好人好事). */
    GOOD_DEED_REPORT("好人好事"),
    /** Result of the year-end self-assessment. */
    SELF_ASSESSMENT_REPORT("目标自查结果"),
    /** Report on the democratic life meeting. */
    DEMOCRATIC_LIFE_REPORT("民主生活会情况报告"),
    /** Meeting minutes handed in. */
    MEETING_MINUTES("会议记录"),
    /** Proposal or suggestion. */
    PROPOSAL("合理化建议"),
    /** Article published in a newspaper or journal. */
    PUBLISHED_ARTICLE("发表稿件");

    private final String label;

    SubmissionKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
