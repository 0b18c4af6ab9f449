package io.github.rubric.bench.powerplant;

import io.github.rubric.bench.DeclaredRecords;
import io.github.rubric.bench.PlainScorer;
import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Activity;
import io.github.rubric.model.fact.ActivityKind;
import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.CaseSeverity;
import io.github.rubric.model.fact.Complaint;
import io.github.rubric.model.fact.Dated;
import io.github.rubric.model.fact.DisciplinaryCase;
import io.github.rubric.model.fact.Document;
import io.github.rubric.model.fact.DocumentKind;
import io.github.rubric.model.fact.DuesPayment;
import io.github.rubric.model.fact.DuesRemittance;
import io.github.rubric.model.fact.Fact;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Incident;
import io.github.rubric.model.fact.IncidentKind;
import io.github.rubric.model.fact.IncidentSeverity;
import io.github.rubric.model.fact.Judgement;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.fact.Role;
import io.github.rubric.model.fact.Submission;
import io.github.rubric.model.fact.SubmissionKind;
import io.github.rubric.model.fact.Task;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.SubjectRef;
import io.github.rubric.model.structure.Grade;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * 动力厂党委2023年度党建工作目标责任制考评细则 scored by hand: one pass sorts the facts by kind (meetings by type,
 * the rubric's own records by type), then each criterion is plain Java, and the scorecard is assembled as the
 * engine assembles it: the same reasons, evidence in file order, entries sorted by rule, reason and evidence (runs
 * of digits compared as numbers), items floored at 0 and zeroed by a 不得分 criterion, the graded item from its
 * grade and the discretionary ones from the assessors' points, and the pooled 重点指标 section whose items' losses
 * share its 20 points.
 *
 * <p>The items' titles, maxima and grades and the sections come from the rubric's header; every criterion, reason
 * and the semantics are coded here. It is what a careful programmer would write for this one rubric, and the limit
 * the engine is measured against.
 */
final class PowerPlantPlainScorer implements PlainScorer {
    private static final Comparator<Deduction> DEDUCTION_ORDER = Comparator.comparing(Deduction::rule)
            .thenComparing(Deduction::reason, PowerPlantPlainScorer::compareNatural)
            .thenComparing(d -> evidenceKey(d.evidence()), PowerPlantPlainScorer::compareNatural);
    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::rule)
            .thenComparing(Finding::reason, PowerPlantPlainScorer::compareNatural)
            .thenComparing(f -> evidenceKey(f.evidence()), PowerPlantPlainScorer::compareNatural);
    private static final String INNOVATION = "经济技术创新和“安康杯”竞赛活动";
    private static final String WOMEN_AND_CULTURE = "女职工素质达标、巾帼创优、“创争”和职工文化体育等活动";

    private final RubricRef ref;
    private final RubricDefinition definition;
    private final Map<String, Item> itemsById = new HashMap<>();

    PowerPlantPlainScorer(RubricRef ref, RubricDefinition definition) {
        this.ref = ref;
        this.definition = definition;
        definition.items().forEach(item -> itemsById.put(item.id(), item));
    }

    /** A record of one of the rubric's own types, with its place among the records of that type. */
    private record Rec(Object value, String type, int index) {
        Object get(String getter) {
            return DeclaredRecords.read(value, getter);
        }

        boolean flag(String getter) {
            return (Boolean) get(getter);
        }

        String text(String getter) {
            return (String) get(getter);
        }

        int number(String getter) {
            return (Integer) get(getter);
        }

        LocalDate date() {
            return (LocalDate) get("getDate");
        }

        String constant(String getter) {
            return ((Enum<?>) get(getter)).name();
        }

        Evidence cite() {
            return new Evidence("records." + type + "[" + index + "]", type, value.toString());
        }
    }

    /** The facts of one subject by kind, in file order. */
    private static final class Facts {
        final AssessmentPeriod period;
        /** The period's months and quarters, which the monthly and quarterly criteria walk. */
        final List<YearMonth> months;
        final List<Integer> quarters;
        final Map<MeetingType, List<Meeting>> meetings = new EnumMap<>(MeetingType.class);
        final List<DuesRemittance> remittances = new ArrayList<>();
        final List<Complaint> complaints = new ArrayList<>();
        final List<DisciplinaryCase> cases = new ArrayList<>();
        final List<Incident> incidents = new ArrayList<>();
        final List<Submission> submissions = new ArrayList<>();
        final List<Document> documents = new ArrayList<>();
        final List<Activity> activities = new ArrayList<>();
        final Map<String, Judgement> judgements = new HashMap<>();
        final Map<String, List<Rec>> records = new HashMap<>();

        Facts(FactSet set) {
            period = set.period();
            months = period.months();
            quarters = period.quarters();
            for (Object fact : set.facts()) {
                if (fact instanceof DuesPayment || fact instanceof Task) {
                    continue; // no criterion of this rubric looks at them
                } else if (fact instanceof Meeting m) {
                    meetings.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m);
                } else if (fact instanceof DuesRemittance r) {
                    remittances.add(r);
                } else if (fact instanceof Complaint c) {
                    complaints.add(c);
                } else if (fact instanceof DisciplinaryCase c) {
                    cases.add(c);
                } else if (fact instanceof Incident i) {
                    incidents.add(i);
                } else if (fact instanceof Submission s) {
                    submissions.add(s);
                } else if (fact instanceof Document d) {
                    documents.add(d);
                } else if (fact instanceof Activity a) {
                    activities.add(a);
                } else if (fact instanceof Judgement j) {
                    judgements.put(j.item(), j);
                } else if (!(fact instanceof Fact)) {
                    String type = fact.getClass().getSimpleName();
                    List<Rec> list = records.computeIfAbsent(type, t -> new ArrayList<>());
                    list.add(new Rec(fact, type, list.size()));
                }
            }
        }

        List<Meeting> meetings(MeetingType type) {
            return meetings.getOrDefault(type, List.of());
        }

        List<Rec> records(String type) {
            return records.getOrDefault(type, List.of());
        }

        List<Rec> records(String type, Predicate<Rec> which) {
            List<Rec> found = new ArrayList<>();
            for (Rec r : records(type)) {
                if (which.test(r)) {
                    found.add(r);
                }
            }
            return found;
        }

        boolean anyRecord(String type, Predicate<Rec> which) {
            for (Rec r : records(type)) {
                if (which.test(r)) {
                    return true;
                }
            }
            return false;
        }

        List<Incident> incidents(IncidentKind kind, IncidentSeverity severity) {
            List<Incident> found = new ArrayList<>();
            for (Incident i : incidents) {
                if (i.kind() == kind && i.severity() == severity) {
                    found.add(i);
                }
            }
            return found;
        }

        List<Activity> held(ActivityKind kind) {
            List<Activity> found = new ArrayList<>();
            for (Activity a : activities) {
                if (a.kind() == kind && !a.absent()) {
                    found.add(a);
                }
            }
            return found;
        }

        List<Submission> accepted(SubmissionKind kind) {
            List<Submission> found = new ArrayList<>();
            for (Submission s : submissions) {
                if (s.kind() == kind && s.accepted()) {
                    found.add(s);
                }
            }
            return found;
        }

        /** @return the period's months with none of the dates in them, in order */
        List<YearMonth> monthsWithout(List<LocalDate> dates) {
            Set<YearMonth> held = new HashSet<>();
            for (LocalDate d : dates) {
                held.add(YearMonth.from(d));
            }
            List<YearMonth> missing = new ArrayList<>(0);
            for (YearMonth m : months) {
                if (!held.contains(m)) {
                    missing.add(m);
                }
            }
            return missing;
        }

        /** @return the period's quarters with none of the dates in them (by calendar quarter), in order */
        List<Integer> quartersWithout(List<LocalDate> dates) {
            boolean[] held = new boolean[5];
            for (LocalDate d : dates) {
                held[AssessmentPeriod.quarterOf(d)] = true;
            }
            List<Integer> missing = new ArrayList<>(0);
            for (int q : quarters) {
                if (!held[q]) {
                    missing.add(q);
                }
            }
            return missing;
        }
    }

    private static Evidence cite(Fact fact) {
        return new Evidence(fact.id(), fact.getClass().getSimpleName(), fact.describe());
    }

    private static List<Evidence> cite(List<?> facts) {
        List<Evidence> evidence = new ArrayList<>(facts.size());
        for (Object fact : facts) {
            evidence.add(fact instanceof Rec r ? r.cite() : cite((Fact) fact));
        }
        return evidence;
    }

    private static List<LocalDate> dates(List<? extends Dated> facts) {
        List<LocalDate> dates = new ArrayList<>(facts.size());
        for (Dated f : facts) {
            dates.add(f.date());
        }
        return dates;
    }

    private static List<LocalDate> recordDates(List<Rec> records) {
        List<LocalDate> dates = new ArrayList<>(records.size());
        for (Rec r : records) {
            dates.add(r.date());
        }
        return dates;
    }

    private static String monthName(YearMonth month) {
        return month.getYear() + "年" + (month.getMonthValue() < 10 ? "0" : "") + month.getMonthValue() + "月";
    }

    private static String quarterNames(List<Integer> quarters) {
        StringBuilder names = new StringBuilder("第");
        for (int i = 0; i < quarters.size(); i++) {
            names.append(i == 0 ? "" : "、").append(quarters.get(i));
        }
        return names.append("季度").toString();
    }

    /** The deductions and findings of one item as they are found. */
    private static final class Entries {
        final Item item;
        final List<Deduction> deductions = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>(0);

        Entries(Item item) {
            this.item = item;
        }

        void deduct(String rule, BigDecimal points, String reason, List<Evidence> evidence) {
            deductions.add(new Deduction(rule, item.id(), Points.normalize(points), false,
                    reason.replace("{points}", Points.format(points)), evidence));
        }

        void deduct(String rule, String points, String reason, List<Evidence> evidence) {
            deduct(rule, Points.of(points), reason, evidence);
        }

        void each(String rule, List<?> occurrences, String pointsEach, String reason) {
            int count = occurrences.size();
            if (count > 0) {
                deduct(rule, Points.of(pointsEach).multiply(BigDecimal.valueOf(count)),
                        reason.replace("{count}", String.valueOf(count)), cite(occurrences));
            }
        }

        /** 累进加扣: the first occurrence costs {@code first}, each further one {@code step} more than the one before. */
        void progressive(String rule, List<?> occurrences, String first, String step, String reason) {
            long n = occurrences.size();
            if (n > 0) {
                BigDecimal total = Points.of(first).multiply(BigDecimal.valueOf(n))
                        .add(Points.of(step).multiply(BigDecimal.valueOf(n * (n - 1) / 2)));
                deduct(rule, total, reason.replace("{count}", String.valueOf(n)), cite(occurrences));
            }
        }

        /** 不得分: the item scores zero whatever else. */
        void zero(String rule, String reason, List<Evidence> evidence) {
            deductions.add(new Deduction(rule, item.id(), Points.normalize(item.maxPoints()), true, reason, evidence));
        }

        void finding(String rule, String reason, List<Evidence> evidence) {
            findings.add(new Finding(rule, item.id(), reason, evidence));
        }
    }

    @Override
    public Scorecard score(FactSet set) {
        Facts f = new Facts(set);
        Map<String, Entries> entries = new HashMap<>();
        for (Entries e : List.of(contract(f), integrity(f), familyPlanning(f), safety(f), politicalStudy(f),
                democraticCentralism(f), democraticLife(f), fiveGood(f), threeMeetings(f), recruitment(f), dues(f),
                culture(f), petitions(f), democraticAwareness(f), newsAndBulletins(f), staffWelfare(f),
                unionCampaign("5.1", "5.1.1 未开展经济技术创新和“安康杯”竞赛活动的不得分",
                        "5.1.2 经济技术创新和“安康杯”竞赛活动效果不明显的扣2分", "INNOVATION", INNOVATION, f),
                unionCampaign("5.2", "5.2.1 未开展女职工和职工文化体育等活动的不得分",
                        "5.2.2 女职工和职工文化体育等活动效果不明显的扣2分", "WOMEN_AND_CULTURE", WOMEN_AND_CULTURE, f),
                massOrganizations(f), league(f))) {
            entries.put(e.item.id(), e);
        }

        List<SectionScore> sections = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Section section : definition.sections()) {
            List<ItemScore> items = new ArrayList<>(section.items().size());
            for (Item item : section.items()) {
                Entries e = entries.get(item.id());
                items.add(item(item, e == null ? new Entries(item) : e, f.judgements.get(item.id())));
            }
            SectionScore score = section(section, items);
            sections.add(score);
            sum = sum.add(score.score());
        }
        BigDecimal total = Points.normalize(sum);
        return new Scorecard(ref, SubjectRef.of(set.subject()), set.period().start(), set.period().end(),
                set.round().name(), set.source(), total, BigDecimal.ZERO, total, null, "", sections, List.of(), List.of());
    }

    private static ItemScore item(Item item, Entries e, Judgement judgement) {
        BigDecimal basis = item.maxPoints();
        String basisNote = "满分" + Points.format(basis) + "分";
        if (item.discretionary() || item.graded()) {
            if (judgement == null) {
                throw new IllegalArgumentException("item " + item.id() + " needs an assessor's judgement");
            }
            String note = judgement.note() == null ? "" : "：" + judgement.note();
            if (item.discretionary()) {
                basis = judgement.points();
                basisNote = "酌情评分" + Points.format(basis) + "分" + note;
            } else {
                Grade grade = item.grade(judgement.grade()).orElseThrow();
                basis = grade.points();
                basisNote = "评定等次" + grade.name() + "，得" + Points.format(basis) + "分" + note;
            }
        }
        e.deductions.sort(DEDUCTION_ORDER);
        e.findings.sort(FINDING_ORDER);
        BigDecimal deducted = BigDecimal.ZERO;
        boolean zeroed = false;
        for (Deduction d : e.deductions) {
            if (d.zeroes()) {
                zeroed = true;
            } else {
                deducted = deducted.add(d.points());
            }
        }
        BigDecimal score;
        String note = "";
        if (zeroed) {
            score = BigDecimal.ZERO;
            note = "本项不得分";
        } else {
            BigDecimal raw = basis.subtract(deducted);
            score = raw.signum() < 0 ? BigDecimal.ZERO : raw.min(item.maxPoints());
            if (raw.signum() < 0) {
                note = "扣分合计" + Points.format(deducted) + "分，超过本项" + Points.format(basis) + "分，扣完为止，得0分";
            }
        }
        return new ItemScore(item.id(), item.title(), item.maxPoints(), Points.normalize(basis), basisNote,
                Points.normalize(score), e.deductions, e.findings, List.of(), note);
    }

    /** A pooled section's items share its points: their losses add up against it, down to 0 (直至扣完). */
    private static SectionScore section(Section section, List<ItemScore> items) {
        BigDecimal score = BigDecimal.ZERO;
        String note = "";
        if (section.pooled()) {
            BigDecimal lost = BigDecimal.ZERO;
            for (ItemScore item : items) {
                lost = lost.add(item.maxPoints().subtract(item.score()));
            }
            BigDecimal raw = section.maxPoints().subtract(lost);
            score = raw.signum() < 0 ? BigDecimal.ZERO : raw;
            if (raw.signum() < 0) {
                note = "本栏目扣分合计" + Points.format(lost) + "分，直至" + Points.format(section.maxPoints()) + "分扣完，得0分";
            }
        } else {
            for (ItemScore item : items) {
                score = score.add(item.score());
            }
        }
        return new SectionScore(section.id(), section.title(), section.maxPoints(), Points.normalize(score), items, note);
    }

    private Entries entries(String item) {
        return new Entries(itemsById.get(item));
    }

    // ---- 1 重点指标

    private Entries contract(Facts f) {
        Entries e = entries("1.1");
        List<Rec> results = f.records("ContractResult");
        for (Rec c : results) {
            if (!c.flag("isTasksCompleted")) {
                e.deduct("1.1.1 未完成生产经营任务扣20分", "20", "未完成生产经营承包任务，扣{points}分", List.of(c.cite()));
            } else if (!c.flag("isCostWithinTarget")) {
                e.deduct("1.1.2 完成任务，但成本费用未达要求扣5分", "5", "完成生产经营任务，但成本费用未达要求，扣{points}分",
                        List.of(c.cite()));
            }
        }
        if (results.isEmpty()) {
            e.finding("1.1.3 缺厂经济承包考核通报结果", "缺厂经济承包考核通报结果，本项未能核实", List.of());
        }
        return e;
    }

    private Entries integrity(Facts f) {
        Entries e = entries("1.2");
        List<DisciplinaryCase> criminal = new ArrayList<>(0);
        List<DisciplinaryCase> disciplined = new ArrayList<>(0);
        List<DisciplinaryCase> others = new ArrayList<>(0);
        for (DisciplinaryCase c : f.cases) {
            if (c.role() == Role.MEMBER || c.role() == Role.CADRE) {
                others.add(c);
            } else if (c.role() != Role.LEADER) {
                continue; // staff who are not party members: no criterion
            } else if (c.severity() == CaseSeverity.CRIMINAL) {
                criminal.add(c);
            } else if (c.severity() == CaseSeverity.PARTY_DISCIPLINE || c.severity() == CaseSeverity.ADMINISTRATIVE_DISCIPLINE) {
                disciplined.add(c);
            } else {
                others.add(c); // a leader's violation that drew neither criminal nor disciplinary action
            }
        }
        e.each("1.2.1 班子成员受到刑事处理扣20分", criminal, "20", "班子成员受到刑事处理{count}人次，扣{points}分");
        e.each("1.2.2 班子成员受到党纪政纪处分扣5分", disciplined, "5", "班子成员受到党纪政纪处分{count}人次，扣{points}分");
        List<Complaint> verified = new ArrayList<>(0);
        for (Complaint c : f.complaints) {
            if (c.verified()) {
                verified.add(c);
            }
        }
        e.each("1.2.3 群众举报、经查证属实为一般性问题，每起扣2分", verified, "2", "群众举报经查证属实{count}起，扣{points}分");
        boolean integrityMeeting = false;
        for (Meeting m : f.meetings(MeetingType.DEMOCRATIC_LIFE_MEETING)) {
            integrityMeeting |= m.topic() != null && m.topic().contains("党风廉政");
        }
        if (!integrityMeeting) {
            e.deduct("1.2.4 未召开班子党风廉政建设专题民主生活会扣3分", "3", "未召开班子党风廉政建设专题民主生活会，扣{points}分",
                    List.of());
        }
        if (f.held(ActivityKind.INTEGRITY_EDUCATION).isEmpty()) {
            e.deduct("1.2.5 未开展党风廉政教育扣2分", "2", "全年未开展党风廉政教育，扣{points}分", List.of());
        }
        e.each("1.2.6 党员、干部每发生一起违纪违法问题扣1分", others, "1", "党员、干部发生违纪违法问题{count}起，扣{points}分");
        List<Rec> work = f.records("IntegrityWork");
        if (!f.anyRecord("IntegrityWork", w -> w.number("getPledgesSigned") >= w.number("getPledgesRequired"))) {
            e.deduct("1.2.7 保证书未达100扣1分", "1", "廉洁保证书签订率未达100%，扣{points}分", cite(work));
        }
        if (!f.anyRecord("IntegrityWork", w -> w.flag("isReportedToWorkforce"))) {
            e.deduct("1.2.8 未向职工述廉扣5分", "5", "班子成员未向职工述廉，扣{points}分", List.of());
        }
        return e;
    }

    private Entries familyPlanning(Facts f) {
        Entries e = entries("1.3");
        e.each("1.3.1 出现计划外生育扣20分", births(f), "20", "出现计划外生育{count}例，扣{points}分");
        for (Rec rate : f.records("FamilyPlanningRate")) {
            if (!rate.flag("isMet")) {
                e.deduct("1.3.2 “三率”未达标，分别扣3分", "3", "“三率”之" + rate.text("getName") + "未达标，扣{points}分",
                        List.of(rate.cite()));
            }
        }
        return e;
    }

    private static List<Incident> births(Facts f) {
        List<Incident> births = new ArrayList<>(1);
        for (Incident i : f.incidents) {
            if (i.kind() == IncidentKind.UNPLANNED_BIRTH) {
                births.add(i);
            }
        }
        return births;
    }

    private Entries safety(Facts f) {
        Entries e = entries("1.4");
        e.each("1.4.1 发生重大人身伤亡、设备事故扣20分", f.incidents(IncidentKind.SAFETY, IncidentSeverity.MAJOR), "20",
                "发生重大人身伤亡、设备事故{count}起，扣{points}分");
        e.progressive("1.4.2 发生一般性安全事故扣5分，每重复发生一起累进加扣5分，直至20分扣完",
                f.incidents(IncidentKind.SAFETY, IncidentSeverity.ORDINARY), "5", "5", "发生一般性安全事故{count}起，累进扣{points}分");
        List<Activity> held = f.held(ActivityKind.SAFETY_EDUCATION);
        List<Integer> missing = f.quartersWithout(dates(held));
        if (!missing.isEmpty()) {
            e.deduct("1.4.3 未开展经常性安全生产教育扣3分", "3", quarterNames(missing) + "未开展安全生产教育，未做到经常性，扣{points}分",
                    cite(held));
        }
        return e;
    }

    // ---- 2 领导班子及干部队伍建设

    private Entries politicalStudy(Facts f) {
        Entries e = entries("2.1");
        for (YearMonth month : f.monthsWithout(dates(f.meetings(MeetingType.STUDY_SESSION)))) {
            e.deduct("2.1 干部政治学习每月不少于一次，每少一次扣2分", "2", monthName(month) + "未开展干部政治学习，扣{points}分", List.of());
        }
        return e;
    }

    private Entries democraticCentralism(Facts f) {
        Entries e = entries("2.2");
        for (Rec decision : f.records("MajorDecision")) {
            if (!decision.flag("isCollective")) {
                e.zero("2.2 重大问题未经支委会集体决策不得分", "重大问题“" + decision.text("getMatter") + "”未经支委会集体决策，不得分",
                        List.of(decision.cite()));
            }
        }
        return e;
    }

    private Entries democraticLife(Facts f) {
        Entries e = entries("2.3");
        for (int q : f.quartersWithout(dates(f.meetings(MeetingType.DEMOCRATIC_LIFE_MEETING)))) {
            e.zero("2.3.1 没有召开民主生活会不得分", "第" + q + "季度没有召开民主生活会，不得分", List.of());
        }
        for (Rec assessment : f.records("LeadershipAssessment")) {
            if (assessment.flag("isEvidentDisunity")) {
                e.zero("2.3.2 班子明显不团结不得分", "班子明显不团结，不得分", List.of(assessment.cite()));
            }
        }
        return e;
    }

    // ---- 3 党支部建设目标

    private Entries fiveGood(Facts f) {
        Entries e = entries("3.1");
        if (!f.anyRecord("FiveGoodCampaign", c -> c.flag("isPlanFiled"))) {
            e.zero("3.1.1 “支部创五好、党员争五强”活动无活动方案不得分", "“支部创五好、党员争五强”活动无全年活动方案报党工部，不得分",
                    List.of());
        }
        List<Rec> appraisals = f.records("QuantitativeAppraisal");
        List<Integer> missing = f.quartersWithout(recordDates(appraisals));
        if (!missing.isEmpty()) {
            e.deduct("3.1.2 每季对党员进行一次量化考核，未进行检查考核扣4分", "4", quarterNames(missing) + "未对党员进行量化考核，扣{points}分",
                    cite(appraisals));
        }
        return e;
    }

    private Entries threeMeetings(Facts f) {
        Entries e = entries("3.2");
        for (YearMonth month : f.monthsWithout(dates(f.meetings(MeetingType.COMMITTEE_MEETING)))) {
            e.deduct("3.2.1 每月召开一次支委会，每缺一次扣2分", "2", monthName(month) + "未召开支委会，扣{points}分", List.of());
        }
        for (YearMonth month : f.monthsWithout(dates(f.meetings(MeetingType.GROUP_MEETING)))) {
            e.deduct("3.2.2 每月召开一次党小组会，每缺一次扣2分", "2", monthName(month) + "未召开党小组会，扣{points}分", List.of());
        }
        for (int q : f.quartersWithout(dates(f.meetings(MeetingType.GENERAL_MEETING)))) {
            e.deduct("3.2.3 每季召开一次党员大会，每缺一次扣2分", "2", "第" + q + "季度未召开党员大会，扣{points}分", List.of());
        }
        for (int q : f.quartersWithout(dates(f.meetings(MeetingType.PARTY_LECTURE)))) {
            e.deduct("3.2.4 每季上一次党课，未上党课扣3分", "3", "第" + q + "季度未上党课，扣{points}分", List.of());
        }
        return e;
    }

    private Entries recruitment(Facts f) {
        Entries e = entries("3.3");
        List<Rec> notFollowed = new ArrayList<>(0);
        List<Rec> notRecommended = new ArrayList<>(0);
        List<Rec> notPublicized = new ArrayList<>(0);
        for (Rec recruit : f.records("Recruit")) {
            if (recruit.flag("isProbationOverdue")) {
                e.zero("3.3.1 新发展党员未按期转正不得分", "预备党员" + recruit.text("getName") + "未按期转正，不得分",
                        List.of(recruit.cite()));
            }
            if (!recruit.flag("isProcedureFollowed")) {
                notFollowed.add(recruit);
            }
            if (recruit.flag("isLeagueRecommendationRequired") && !recruit.flag("isLeagueRecommended")) {
                notRecommended.add(recruit);
            }
            if (!recruit.flag("isPublicized")) {
                notPublicized.add(recruit);
            }
        }
        if (!notFollowed.isEmpty()) {
            e.deduct("3.3.2 未按规程发展党员扣2分", "2", "未按规程发展党员（" + notFollowed.size() + "人），扣{points}分",
                    cite(notFollowed));
        }
        if (!notRecommended.isEmpty()) {
            e.deduct("3.3.3 需经团组织推优而未经推优扣2分", "2", "需经团组织推优而未经推优（" + notRecommended.size()
                    + "人），扣{points}分", cite(notRecommended));
        }
        if (!notPublicized.isEmpty()) {
            e.deduct("3.3.4 发展新党员及预备党员转正未公示扣2分", "2", "发展新党员及预备党员转正未公示（" + notPublicized.size()
                    + "人），扣{points}分", cite(notPublicized));
        }
        return e;
    }

    private Entries dues(Facts f) {
        Entries e = entries("3.4");
        boolean[] remitted = new boolean[5];
        for (DuesRemittance r : f.remittances) {
            remitted[r.quarter()] = true;
            LocalDate deadline = f.period.quarterDay(r.quarter(), 4, 5);
            if (r.date().isAfter(deadline)) {
                e.zero("3.4.1 党费未在每季次月5日前上缴的，不得分", "第" + r.quarter() + "季度党费于" + r.date() + "上缴，晚于"
                        + deadline + "，不得分", List.of(cite(r)));
            }
            if (r.isUnderpaid()) {
                e.zero("3.4.2 党费未足额上缴的，不得分", "第" + r.quarter() + "季度党费应缴" + r.due().toPlainString() + "元，实缴"
                        + r.amount().toPlainString() + "元，未足额上缴，不得分", List.of(cite(r)));
            }
        }
        for (int q : f.quarters) {
            if (!remitted[q]) {
                e.zero("3.4.3 季度党费未上缴的，不得分", "第" + q + "季度党费未上缴，不得分", List.of());
            }
        }
        return e;
    }

    // ---- 4 企业文化建设和思想政治工作

    private Entries culture(Facts f) {
        Entries e = entries("4.1");
        List<Rec> campaigns = f.records("CultureCampaign");
        boolean planned = false;
        for (Rec c : campaigns) {
            boolean filed = c.flag("isPlanFiled");
            planned |= filed;
            if (filed && !c.flag("isDistinctive")) {
                e.deduct("4.1.2 活动无明显特色扣3分", "3", "企业文化建设活动无明显特色，扣{points}分", List.of(c.cite()));
            }
            if (!c.flag("isEnvironmentUpToStandard")) {
                e.deduct("4.1.3 环境整治未达标扣2分", "2", "环境整治未达标，扣{points}分", List.of(c.cite()));
            }
        }
        if (!planned) {
            e.zero("4.1.1 企业文化建设无活动方案不得分", "企业文化建设、创建文明单位无活动方案报党工部，不得分", List.of());
        }
        return e;
    }

    private Entries petitions(Facts f) {
        Entries e = entries("4.2");
        e.each("4.2.1 出现一般性群访事件扣2分", f.incidents(IncidentKind.PETITION, IncidentSeverity.ORDINARY), "2",
                "出现一般性群访事件{count}起，扣{points}分");
        for (Incident petition : f.incidents(IncidentKind.PETITION, IncidentSeverity.MAJOR)) {
            e.zero("4.2.2 出现影响恶劣的群访事件不得分", petition.date() + "发生影响恶劣的群体性上访事件，不得分", List.of(cite(petition)));
        }
        return e;
    }

    private Entries democraticAwareness(Facts f) {
        Entries e = entries("4.3");
        boolean disclosed = false;
        for (Document d : f.documents) {
            disclosed |= d.kind() == DocumentKind.DISCLOSURE;
        }
        if (!disclosed) {
            e.zero("4.3.1 未进行车务公开不得分", "未进行车务公开，不得分", List.of());
        }
        List<Rec> ignored = f.records("WorkforceHearing", h -> h.flag("isSuggestionsIgnored"));
        if (!ignored.isEmpty()) {
            e.deduct("4.3.2 不倾听职工呼声、对职工合理化建议不采纳扣2分", "2", "座谈会职工反映不倾听职工呼声、合理化建议不采纳，扣{points}分",
                    cite(ignored));
        }
        return e;
    }

    private Entries newsAndBulletins(Facts f) {
        Entries e = entries("4.4");
        List<Submission> sent = f.accepted(SubmissionKind.NEWS_ARTICLE);
        List<Integer> missing = f.quartersWithout(dates(sent));
        if (!missing.isEmpty()) {
            e.deduct("4.4.1 每季撰写规定的新闻稿件，稿件撰写量未达标扣4分", "4", quarterNames(missing)
                    + "没有送达党工部的新闻稿件，稿件撰写量未达标，扣{points}分", cite(sent));
        }
        for (YearMonth month : f.monthsWithout(dates(f.accepted(SubmissionKind.BLACKBOARD_BULLETIN)))) {
            e.deduct("4.4.2 每月最少办一期黑板报，每少办一期扣1分", "1", monthName(month) + "未办黑板报，扣{points}分", List.of());
        }
        return e;
    }

    private Entries staffWelfare(Facts f) {
        Entries e = entries("4.5");
        for (Rec request : f.records("StaffRequest")) {
            if (request.flag("isSolvable") && !request.flag("isSolved")) {
                e.zero("4.5.1 对职工反映的困难和合理要求，能解决而未解决的不得分", "职工反映的“" + request.text("getSummary")
                        + "”能解决而未解决，不得分", List.of(request.cite()));
            }
        }
        List<Rec> deeds = f.records("PracticalDeed");
        boolean done = false;
        List<Rec> undone = new ArrayList<>(0);
        for (Rec deed : deeds) {
            boolean isDone = deed.flag("isDone");
            done |= isDone;
            if (deed.flag("isPlanned") && !isDone) {
                undone.add(deed);
            }
        }
        if (!done) {
            e.zero("4.5.2 未办实事不得分", "全年未为职工办实事，不得分", List.of());
        }
        e.each("4.5.3 列入年度安排，拟办而未办的扣2分", undone, "2", "列入年度安排拟办而未办的实事{count}件，扣{points}分");
        return e;
    }

    // ---- 5 群团工作

    private Entries unionCampaign(String item, String notHeldRule, String notEffectiveRule, String campaign, String label,
                                  Facts f) {
        Entries e = entries(item);
        boolean held = false;
        for (Rec assessment : f.records("UnionAssessment")) {
            if (assessment.constant("getCampaign").equals(campaign) && assessment.flag("isHeld")) {
                held = true;
                if (!assessment.flag("isEffective")) {
                    e.deduct(notEffectiveRule, "2", "工会考核：" + label + "效果不明显，扣{points}分", List.of(assessment.cite()));
                }
            }
        }
        if (!held) {
            e.zero(notHeldRule, "工会考核：未开展" + label + "，不得分", List.of());
        }
        return e;
    }

    private Entries massOrganizations(Facts f) {
        Entries e = entries("5.3");
        for (int q : f.quartersWithout(recordDates(f.records("MassOrganizationBriefing")))) {
            e.zero("5.3.1 每季听取一次群团组织工作汇报，未听取汇报不得分", "第" + q + "季度未听取群团组织工作汇报，不得分", List.of());
        }
        for (Rec organization : f.records("MassOrganization")) {
            if (!organization.flag("isFunded")) {
                e.deduct("5.3.2 群团组织经费不落实分别扣2分", "2", organization.text("getName") + "经费不落实，扣{points}分",
                        List.of(organization.cite()));
            }
            if (!organization.flag("isSound")) {
                e.finding("5.3.3 群团组织不健全", organization.text("getName") + "组织不健全（评分标准未规定扣分）",
                        List.of(organization.cite()));
            }
        }
        return e;
    }

    private Entries league(Facts f) {
        Entries e = entries("5.4");
        boolean standardized = false;
        for (Rec assessment : f.records("LeagueAssessment")) {
            if (assessment.flag("isStandardized")) {
                standardized = true;
                if (!assessment.flag("isEffective")) {
                    e.deduct("5.4.2 团组织作用发挥不好扣2分", "2", "团委考核：团组织作用发挥不好，扣{points}分", List.of(assessment.cite()));
                }
            }
        }
        if (!standardized) {
            e.zero("5.4.1 团组织未达到标准化要求不得分", "团委考核：团组织未达到标准化要求，不得分", List.of());
        }
        return e;
    }

    private static String evidenceKey(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (Evidence e : evidence) {
            key.append(key.length() == 0 ? "" : ",").append(e.id());
        }
        return key.toString();
    }

    /** Compares texts with their runs of digits taken as numbers, as scorecards order their entries. */
    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int startA = i;
                int startB = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                while (startA < i - 1 && a.charAt(startA) == '0') {
                    startA++;
                }
                while (startB < j - 1 && b.charAt(startB) == '0') {
                    startB++;
                }
                if (i - startA != j - startB) {
                    return Integer.compare(i - startA, j - startB);
                }
                for (int k = 0; k < i - startA; k++) {
                    int c = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
                    if (c != 0) {
                        return c;
                    }
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
