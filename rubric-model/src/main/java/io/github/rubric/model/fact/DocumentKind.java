package io.github.rubric.model.fact;

/** Kinds of document, plan, ledger or record book. */
public enum DocumentKind implements Labelled {
    /** Yearly work plan. */
    WORK_PLAN("工作计划"),
    /** Year-end work summary. */
    WORK_SUMMARY("工作总结"),
    /** Plan of a campaign or activity. */
    ACTIVITY_PLAN("活动方案"),
    /** Record book of organisational life. */
    ORGANIZATIONAL_LIFE_RECORD_BOOK("党的组织生活记录簿"),
    /** Study record book. */
    STUDY_RECORD_BOOK("学习记录簿"),
    /** Sign-in sheets of study sessions. */
    STUDY_SIGN_IN("学习签到"),
    /** Register of members. */
    MEMBER_REGISTER("党员名册"),
    /** Records of recruiting members. */
    RECRUITMENT_RECORDS("党员发展记录"),
    /** Records of managing members. */
    MEMBER_MANAGEMENT_RECORDS("党员管理记录"),
    /** Ledger of party dues. */
    DUES_LEDGER("党费台帐"),
    /** Application for party membership. */
    APPLICATION_FORM("入党志愿书"),
    /** Public disclosure of party affairs. */
    DISCLOSURE("党务公开"),
    /** Any other document. */
    OTHER("其他材料");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
