package io.github.rubric.bench.socialaffairs;

import io.github.rubric.bench.DeclaredRecords;
import io.github.rubric.bench.PlainScorer;
import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Activity;
import io.github.rubric.model.fact.ActivityKind;
import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.CaseSeverity;
import io.github.rubric.model.fact.Complaint;
import io.github.rubric.model.fact.DisciplinaryCase;
import io.github.rubric.model.fact.Document;
import io.github.rubric.model.fact.DocumentKind;
import io.github.rubric.model.fact.DuesPayment;
import io.github.rubric.model.fact.DuesRemittance;
import io.github.rubric.model.fact.Fact;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.fact.Role;
import io.github.rubric.model.fact.Submission;
import io.github.rubric.model.fact.SubmissionKind;
import io.github.rubric.model.fact.Task;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.SubjectRef;
import io.github.rubric.model.structure.GradeBand;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 社会事业局党工委直属党组织工作目标责任制考核细则 scored by hand: one pass sorts the facts by kind, then each
 * criterion is plain Java, and the scorecard is assembled as the engine assembles it (the same reasons, evidence
 * in file order, entries sorted by rule, reason and evidence, items floored at 0, grade bands and pass line).
 *
 * <p>The items' titles and maxima and the grade bands come from the rubric's header; every criterion is coded
 * here. It is what a careful programmer would write for this one rubric, and the limit the engine is measured
 * against.
 */
final class SocialAffairsPlainScorer implements PlainScorer {
    private static final Comparator<Deduction> ORDER = Comparator.comparing(Deduction::rule)
            .thenComparing(Deduction::reason).thenComparing(d -> d.evidence().stream().map(Evidence::id)
                    .collect(Collectors.joining(",")));

    private final RubricRef ref;
    private final RubricDefinition definition;
    private final Section section;
    private final List<GradeBand> bands;
    private final Map<String, Item> itemsById = new java.util.HashMap<>();

    SocialAffairsPlainScorer(RubricRef ref, RubricDefinition definition) {
        this.ref = ref;
        this.definition = definition;
        this.section = definition.sections().get(0);
        this.bands = definition.gradeBands();
        definition.items().forEach(item -> itemsById.put(item.id(), item));
    }

    /** The facts of one subject by kind, in file order, and how each cites itself. */
    private static final class Facts {
        final List<Meeting> meetings = new ArrayList<>();
        final List<DuesPayment> payments = new ArrayList<>();
        final List<DuesRemittance> remittances = new ArrayList<>();
        final List<Complaint> complaints = new ArrayList<>();
        final List<DisciplinaryCase> cases = new ArrayList<>();
        final List<Submission> submissions = new ArrayList<>();
        final List<Document> documents = new ArrayList<>();
        final List<Activity> activities = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();
        final List<Object> leadership = new ArrayList<>();
        final List<Object> recruitment = new ArrayList<>();
        final Map<Object, String> recordIds = new IdentityHashMap<>();

        Facts(FactSet set) {
            int leaderships = 0;
            int recruitments = 0;
            for (Object fact : set.facts()) {
                if (fact instanceof Meeting m) {
                    meetings.add(m);
                } else if (fact instanceof DuesPayment p) {
                    payments.add(p);
                } else if (fact instanceof DuesRemittance r) {
                    remittances.add(r);
                } else if (fact instanceof Complaint c) {
                    complaints.add(c);
                } else if (fact instanceof DisciplinaryCase c) {
                    cases.add(c);
                } else if (fact instanceof Submission s) {
                    submissions.add(s);
                } else if (fact instanceof Document d) {
                    documents.add(d);
                } else if (fact instanceof Activity a) {
                    activities.add(a);
                } else if (fact instanceof Task t) {
                    tasks.add(t);
                } else if (fact.getClass().getSimpleName().equals("Leadership")) {
                    leadership.add(fact);
                    recordIds.put(fact, "records.Leadership[" + leaderships++ + "]");
                } else if (fact.getClass().getSimpleName().equals("Recruitment")) {
                    recruitment.add(fact);
                    recordIds.put(fact, "records.Recruitment[" + recruitments++ + "]");
                }
            }
        }

        Evidence cite(Object fact) {
            if (fact instanceof Fact f) {
                return new Evidence(f.id(), f.getClass().getSimpleName(), f.describe());
            }
            return new Evidence(recordIds.get(fact), fact.getClass().getSimpleName(), fact.toString());
        }

        List<Evidence> cite(List<?> facts) {
            List<Evidence> evidence = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                evidence.add(cite(fact));
            }
            return evidence;
        }
    }

    /** The deductions of one item as they are found. */
    private static final class Entries {
        final String item;
        final List<Deduction> deductions = new ArrayList<>();

        Entries(String item) {
            this.item = item;
        }

        void deduct(String rule, BigDecimal points, String reason, List<Evidence> evidence) {
            deductions.add(new Deduction(rule, item, Points.normalize(points), false, reason.replace("{points}", Points.format(points)), evidence));
        }

        void deduct(String rule, String points, String reason, List<Evidence> evidence) {
            deduct(rule, Points.of(points), reason, evidence);
        }

        void each(String rule, int count, String pointsEach, String reason, List<Evidence> evidence) {
            if (count > 0) {
                deduct(rule, Points.of(pointsEach).multiply(BigDecimal.valueOf(count)),
                        reason.replace("{count}", String.valueOf(count)), evidence);
            }
        }

        void shortfall(String rule, int required, List<?> held, String pointsEach, String reason, Facts facts) {
            int missing = required - held.size();
            if (missing > 0) {
                deduct(rule, Points.of(pointsEach).multiply(BigDecimal.valueOf(missing)), reason
                        .replace("{required}", String.valueOf(required)).replace("{actual}", String.valueOf(held.size()))
                        .replace("{missing}", String.valueOf(missing)), facts.cite(held));
            }
        }
    }

    @Override
    public Scorecard score(FactSet set) {
        Facts f = new Facts(set);
        List<Entries> items = List.of(leadership(f), planning(f), meetings(f), democraticLife(f), dues(f, set.period()),
                recruitment(f), higherLevel(f), studyAndResearch(f), learningOrganization(f), disclosure(f),
                integrityEducation(f), supervision(f), conduct(f), integrityResponsibility(f), massService(f),
                goodDeeds(f), massOrganizations(f), information(f), ledgers(f));

        List<ItemScore> scores = new ArrayList<>(items.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (Entries entries : items) {
            Item item = itemsById.get(entries.item);
            entries.deductions.sort(ORDER);
            BigDecimal deducted = BigDecimal.ZERO;
            for (Deduction d : entries.deductions) {
                deducted = deducted.add(d.points());
            }
            BigDecimal max = item.maxPoints();
            BigDecimal raw = max.subtract(deducted);
            BigDecimal score = raw.signum() < 0 ? BigDecimal.ZERO : raw;
            String note = raw.signum() < 0 ? "扣分合计" + Points.format(deducted) + "分，超过本项" + Points.format(max)
                    + "分，扣完为止，得0分" : "";
            scores.add(new ItemScore(item.id(), item.title(), max, Points.normalize(max), "满分" + Points.format(max) + "分",
                    Points.normalize(score), entries.deductions, List.of(), List.of(), note));
            sum = sum.add(score);
        }
        BigDecimal total = Points.normalize(sum);
        String grade = bands.get(bands.size() - 1).name();
        for (GradeBand band : bands) {
            if (total.compareTo(band.min()) >= 0) {
                grade = band.name();
                break;
            }
        }
        SectionScore sectionScore = new SectionScore(section.id(), section.title(), section.maxPoints(), total, scores, "");
        return new Scorecard(ref, SubjectRef.of(set.subject()), set.period().start(), set.period().end(),
                set.round().name(), set.source(), total, BigDecimal.ZERO, total,
                total.compareTo(definition.passLine()) >= 0, grade, List.of(sectionScore), List.of(), List.of());
    }

    private static List<Meeting> meetings(Facts f, MeetingType type) {
        List<Meeting> found = new ArrayList<>();
        for (Meeting m : f.meetings) {
            if (m.type() == type) {
                found.add(m);
            }
        }
        return found;
    }

    private static List<Activity> activities(Facts f, ActivityKind kind, boolean absent) {
        List<Activity> found = new ArrayList<>();
        for (Activity a : f.activities) {
            if (a.kind() == kind && a.absent() == absent) {
                found.add(a);
            }
        }
        return found;
    }

    private static boolean submitted(Facts f, SubmissionKind kind) {
        for (Submission s : f.submissions) {
            if (s.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static boolean kept(Facts f, DocumentKind kind) {
        for (Document d : f.documents) {
            if (d.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static List<Document> incomplete(Facts f, DocumentKind kind) {
        List<Document> found = new ArrayList<>();
        for (Document d : f.documents) {
            if (d.kind() == kind && !d.complete()) {
                found.add(d);
            }
        }
        return found;
    }

    private static boolean flag(Object record, String getter) {
        return (Boolean) DeclaredRecords.read(record, getter);
    }

    private static Entries leadership(Facts f) {
        Entries e = new Entries("1");
        for (Object l : f.leadership) {
            boolean complete = flag(l, "isComplete");
            boolean overdue = flag(l, "isElectionOverdue");
            if (!complete || overdue) {
                e.deduct("1.1 党组织班子不健全或超期换届的扣1分", "1", (complete ? "" : "党组织班子不健全，")
                        + (overdue ? "超期未换届，" : "") + "扣{points}分", List.of(f.cite(l)));
            }
        }
        for (Object l : f.leadership) {
            if (flag(l, "isDisunityReported")) {
                e.deduct("1.2 班子成员有反映不团结的扣1分", "1", "有反映班子成员不团结，扣{points}分", List.of(f.cite(l)));
            }
        }
        return e;
    }

    private static Entries planning(Facts f) {
        Entries e = new Entries("2");
        for (DocumentKind kind : List.of(DocumentKind.WORK_PLAN, DocumentKind.WORK_SUMMARY)) {
            if (!kept(f, kind)) {
                e.deduct("2.1 无工作计划、总结的各扣1分", "1", "无" + kind.label() + "，扣{points}分", List.of());
            }
        }
        if (!submitted(f, SubmissionKind.SELF_ASSESSMENT_REPORT)) {
            e.deduct("2.2 未上报目标自查结果的扣1分", "1", "未上报目标自查结果，扣{points}分", List.of());
        }
        return e;
    }

    private static Entries meetings(Facts f) {
        Entries e = new Entries("3");
        e.shortfall("3.1 全年召开党员大会不少于4次，每少1次扣1分", 4, meetings(f, MeetingType.GENERAL_MEETING), "1",
                "全年召开党员大会{actual}次，要求不少于{required}次，扣{points}分", f);
        e.shortfall("3.2 全年召开支委会不少于4次，每少1次扣1分", 4, meetings(f, MeetingType.COMMITTEE_MEETING), "1",
                "全年召开支委会{actual}次，要求不少于{required}次，扣{points}分", f);
        List<Meeting> lectures = meetings(f, MeetingType.PARTY_LECTURE);
        e.shortfall("3.3 集中上党课不少于2次，每少1次扣1分", 2, lectures, "1",
                "全年集中上党课{actual}次，要求不少于{required}次，扣{points}分", f);
        if (lectures.stream().noneMatch(m -> m.ledBy() == Role.LEADER)) {
            e.deduct("3.4 缺党员领导干部上党课的扣1分", "1", "全年没有党员领导干部上党课，扣{points}分", List.of());
        }
        List<Meeting> flawed = new ArrayList<>();
        for (Meeting m : f.meetings) {
            boolean threeMeetings = m.type() == MeetingType.GENERAL_MEETING || m.type() == MeetingType.COMMITTEE_MEETING
                    || m.type() == MeetingType.PARTY_LECTURE;
            if (threeMeetings && m.recordFlaw() != null) {
                flawed.add(m);
            }
        }
        if (!flawed.isEmpty()) {
            e.deduct("3.5 三会一课记录不规范或发现作假的扣1分", "1", "三会一课记录不规范或发现作假（" + flawed.size()
                    + "次会议），扣{points}分", f.cite(flawed));
        }
        return e;
    }

    private static Entries democraticLife(Facts f) {
        Entries e = new Entries("4");
        List<Meeting> held = meetings(f, MeetingType.DEMOCRATIC_LIFE_MEETING);
        if (held.isEmpty()) {
            e.deduct("4.1 未召开民主生活会的扣2分", "2", "全年未召开民主生活会，扣{points}分", List.of());
        }
        for (Meeting m : held) {
            if (!m.absentees().isEmpty()) {
                e.deduct("4.2 党组织成员有未参加民主生活会的扣1分", "1", m.date() + "民主生活会有党组织成员未参加（"
                        + String.join("、", m.absentees()) + "），扣{points}分", List.of(f.cite(m)));
            }
        }
        if (!held.isEmpty() && !submitted(f, SubmissionKind.DEMOCRATIC_LIFE_REPORT)) {
            e.deduct("4.3 未报告民主生活会情况的扣1分", "1", "未向局党工委报告民主生活会情况，扣{points}分", List.of());
        }
        return e;
    }

    private static Entries dues(Facts f, AssessmentPeriod period) {
        Entries e = new Entries("5");
        List<DuesPayment> underpaid = new ArrayList<>();
        for (DuesPayment p : f.payments) {
            if (p.isUnderpaid()) {
                underpaid.add(p);
            }
        }
        if (!underpaid.isEmpty()) {
            e.deduct("5.1 发现有党员不足额缴纳党费的扣2分", "2", "发现党员不足额缴纳党费" + underpaid.size() + "笔，扣{points}分",
                    f.cite(underpaid));
        }
        for (DuesRemittance r : f.remittances) {
            LocalDate deadline = period.quarterDay(r.quarter(), 3, 25);
            if (r.date().isAfter(deadline)) {
                e.deduct("5.2 每季度第3个月的25日前未将党费上交局党工委的，有1次扣1分", "1", "第" + r.quarter() + "季度党费于"
                        + r.date() + "上交，晚于" + deadline + "，扣{points}分", List.of(f.cite(r)));
            }
        }
        for (int q : period.quarters()) {
            boolean remitted = false;
            for (DuesRemittance r : f.remittances) {
                remitted |= r.quarter() == q;
            }
            if (!remitted) {
                e.deduct("5.3 季度党费未上交局党工委的，有1次扣1分", "1", "第" + q + "季度党费未上交局党工委，扣{points}分", List.of());
            }
        }
        return e;
    }

    private static Entries recruitment(Facts f) {
        Entries e = new Entries("6");
        for (Object r : f.recruitment) {
            if (!flag(r, "isBallotVoting")) {
                e.deduct("6.1 未实行票决制的扣1分", "1", "发展党员未实行票决制，扣{points}分", List.of(f.cite(r)));
            }
        }
        List<Document> forms = incomplete(f, DocumentKind.APPLICATION_FORM);
        if (!forms.isEmpty()) {
            e.deduct("6.2 《入党志愿书》填写不完整、不规范的扣1分", "1", "《入党志愿书》填写不完整、不规范（" + forms.size()
                    + "份），扣{points}分", f.cite(forms));
        }
        List<Document> records = incomplete(f, DocumentKind.RECRUITMENT_RECORDS);
        if (!records.isEmpty()) {
            e.deduct("6.3 入党相关材料不齐全的扣1分", "1", "入党相关材料不齐全，扣{points}分", f.cite(records));
        }
        return e;
    }

    private static Entries higherLevel(Facts f) {
        Entries e = new Entries("7");
        List<Activity> missed = activities(f, ActivityKind.HIGHER_LEVEL_EVENT, true);
        e.each("7.1 未参加局党工委会议、活动的，有1次扣1分", missed.size(), "1",
                "未参加局党工委组织的会议、活动{count}次，扣{points}分", f.cite(missed));
        List<Task> open = new ArrayList<>();
        for (Task t : f.tasks) {
            if (!t.completed()) {
                open.add(t);
            }
        }
        e.each("7.2 未完成局党工委下达的工作任务的，有1次扣1分", open.size(), "1",
                "未完成局党工委下达的工作任务{count}项，扣{points}分", f.cite(open));
        return e;
    }

    private static Entries studyAndResearch(Facts f) {
        Entries e = new Entries("8");
        List<Activity> missed = activities(f, ActivityKind.STUDY_TRAINING, true);
        e.each("8.1 未参加党工委举办的学习教育活动的，有1次扣1分", missed.size(), "1",
                "未参加党工委举办的学习教育活动{count}次，扣{points}分", f.cite(missed));
        if (!submitted(f, SubmissionKind.RESEARCH_ARTICLE)) {
            e.deduct("8.2 未上交调研文章的扣1分", "1", "全年未上交调研文章，扣{points}分", List.of());
        }
        return e;
    }

    private static Entries learningOrganization(Facts f) {
        Entries e = new Entries("9");
        List<Meeting> sessions = meetings(f, MeetingType.STUDY_SESSION);
        e.shortfall("9.1 全年集中学习不少于12次，每少1次扣1分", 12, sessions, "1",
                "全年集中学习{actual}次，要求不少于{required}次，扣{points}分", f);
        if (!kept(f, DocumentKind.STUDY_SIGN_IN)) {
            e.deduct("9.2 无学习签到扣1分", "1", "无学习签到，扣{points}分", List.of());
        }
        List<Meeting> flawed = new ArrayList<>();
        for (Meeting m : sessions) {
            if (m.recordFlaw() != null) {
                flawed.add(m);
            }
        }
        if (!flawed.isEmpty()) {
            e.deduct("9.3 学习记录不完整的扣1分", "1", "集中学习记录不完整（" + flawed.size() + "次），扣{points}分", f.cite(flawed));
        }
        return e;
    }

    private static Entries disclosure(Facts f) {
        Entries e = new Entries("10");
        if (!kept(f, DocumentKind.DISCLOSURE)) {
            e.deduct("10 未实行党务公开的扣2分", "2", "未实行党务公开，扣{points}分", List.of());
        }
        return e;
    }

    private static Entries integrityEducation(Facts f) {
        Entries e = new Entries("11");
        e.shortfall("11 全年组织或参加专题党风廉政教育活动不少于2次，每少1次扣1分", 2,
                activities(f, ActivityKind.INTEGRITY_EDUCATION, false), "1",
                "全年组织或参加专题党风廉政教育活动{actual}次，要求不少于{required}次，扣{points}分", f);
        return e;
    }

    private static Entries supervision(Facts f) {
        Entries e = new Entries("12");
        List<DisciplinaryCase> concealed = new ArrayList<>();
        for (DisciplinaryCase c : f.cases) {
            if (c.concealed()) {
                concealed.add(c);
            }
        }
        e.each("12 凡发案知情不报的有一件扣2分", concealed.size(), "2", "发案知情不报{count}件，扣{points}分", f.cite(concealed));
        return e;
    }

    private static Entries conduct(Facts f) {
        Entries e = new Entries("13");
        List<Complaint> verified = new ArrayList<>();
        for (Complaint c : f.complaints) {
            if (c.verified()) {
                verified.add(c);
            }
        }
        e.each("13 群众投诉经查实的，有1件扣1分", verified.size(), "1", "党工委接到群众投诉并经查实{count}件，扣{points}分",
                f.cite(verified));
        return e;
    }

    private static Entries integrityResponsibility(Facts f) {
        Entries e = new Entries("14");
        List<DisciplinaryCase> leaders = new ArrayList<>();
        List<DisciplinaryCase> others = new ArrayList<>();
        for (DisciplinaryCase c : f.cases) {
            if (c.severity() == CaseSeverity.VIOLATION) {
                continue;
            }
            if (c.role() == Role.LEADER) {
                leaders.add(c);
            } else if (c.role() == Role.CADRE || c.role() == Role.MEMBER) {
                others.add(c);
            }
        }
        e.each("14.1 班子成员受党纪政纪处分的，每人扣3分", leaders.size(), "3", "班子成员受党纪政纪处分{count}人次，扣{points}分",
                f.cite(leaders));
        e.each("14.2 一般干部受党纪政纪处分的，每人扣1分", others.size(), "1", "一般干部受党纪政纪处分{count}人次，扣{points}分",
                f.cite(others));
        return e;
    }

    private static Entries massService(Facts f) {
        Entries e = new Entries("15");
        e.shortfall("15 全年组织联系服务群众活动不少于2次，每缺1次扣1分", 2, activities(f, ActivityKind.MASS_SERVICE, false), "1",
                "全年组织联系服务群众活动{actual}次，要求不少于{required}次，扣{points}分", f);
        return e;
    }

    private static Entries goodDeeds(Facts f) {
        Entries e = new Entries("16");
        if (!submitted(f, SubmissionKind.GOOD_DEED_REPORT)) {
            e.deduct("16 全年不报送“双服务”好人好事的扣1分", "1", "全年未报送“双服务”好人好事，扣{points}分", List.of());
        }
        return e;
    }

    private static Entries massOrganizations(Facts f) {
        Entries e = new Entries("17");
        List<Activity> missed = activities(f, ActivityKind.MASS_ORGANIZATION, true);
        e.each("17 不参加工、青、妇组织有关活动的一次扣1分", missed.size(), "1", "未参加工、青、妇组织的有关活动{count}次，扣{points}分",
                f.cite(missed));
        return e;
    }

    private static Entries information(Facts f) {
        Entries e = new Entries("18");
        List<Submission> accepted = new ArrayList<>();
        for (Submission s : f.submissions) {
            if (s.kind() == SubmissionKind.INFORMATION_REPORT && s.accepted()) {
                accepted.add(s);
            }
        }
        e.shortfall("18 党建信息全年不少于4篇，每少1篇扣1.5分", 4, accepted, "1.5",
                "组织人事处收到并转发的党建信息{actual}篇，要求不少于{required}篇，扣{points}分", f);
        return e;
    }

    private static Entries ledgers(Facts f) {
        Entries e = new Entries("19");
        for (DocumentKind kind : List.of(DocumentKind.ORGANIZATIONAL_LIFE_RECORD_BOOK, DocumentKind.STUDY_RECORD_BOOK,
                DocumentKind.MEMBER_REGISTER)) {
            List<Document> found = new ArrayList<>();
            boolean complete = false;
            for (Document d : f.documents) {
                if (d.kind() == kind) {
                    found.add(d);
                    complete |= d.complete();
                }
            }
            if (!complete) {
                e.deduct("19 “两簿一册”不健全、记录不完整的各扣1分", "1", kind.label() + (found.isEmpty() ? "缺失" : "记录不完整")
                        + "，扣{points}分", f.cite(found));
            }
        }
        return e;
    }
}
