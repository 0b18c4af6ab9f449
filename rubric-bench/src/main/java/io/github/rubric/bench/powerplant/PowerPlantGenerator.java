package io.github.rubric.bench.powerplant;

import io.github.rubric.bench.DeclaredRecords;
import io.github.rubric.bench.Generation;
import io.github.rubric.bench.SubjectGenerator;
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
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Incident;
import io.github.rubric.model.fact.IncidentKind;
import io.github.rubric.model.fact.IncidentSeverity;
import io.github.rubric.model.fact.Judgement;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.OrganizationType;
import io.github.rubric.model.fact.Role;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.fact.Submission;
import io.github.rubric.model.fact.SubmissionKind;
import io.github.rubric.model.fact.Task;
import io.github.rubric.rules.Rubric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Branches of the power plant with a year of records, as their record books and the plant's assessments would
 * list them for 动力厂党委2023年度党建工作目标责任制考评细则: the monthly 干部政治学习, 支委会 and 党小组会, the
 * quarterly 党员大会, 党课 and 民主生活会, a dues payment per member per month and the quarterly remittances, the
 * monthly 黑板报 and quarterly 新闻稿, the quarterly 安全生产教育, complaints, cases, incidents, documents, tasks, the
 * rubric's own records (承包考核结果, 廉洁保证书, “三率”, 重大问题决策, 量化考核, 发展党员, 企业文化, 座谈会, 职工反映,
 * 实事, 工会和团委考核, 群团组织及其汇报) and the assessors' judgements of the graded and discretionary items.
 *
 * <p>Each criterion is met by most branches and missed by some (a few in a hundred to a few in ten), so that every
 * rule fires on some subjects and not on others. About 30 % of a branch's facts are dues payments (12 per member);
 * a bigger branch holds more of everything else too (several 党小组, more decisions, activities, articles). The
 * assessments and judgements are always there (about 17 facts); a year's record book needs about 100 more, so a
 * subject of 50 facts keeps a random part of its records, misses many monthly and quarterly criteria, and scores
 * low: it is the small end of the scale, not a typical branch.
 */
final class PowerPlantGenerator implements SubjectGenerator {
    private static final int YEAR = 2023;
    private static final AssessmentPeriod PERIOD = AssessmentPeriod.ofYear(YEAR);
    private static final String[] WORKSHOPS = {"供水车间", "锅炉车间", "汽机车间", "电气车间", "运输车间", "检修车间",
            "化水车间", "燃料车间", "仪表车间", "机关"};
    private static final String[] FLAWS = {"记录不规范，缺签到", "会议记录事后补写"};
    private static final String[] MATTERS = {"年度生产经营任务分解", "检修费用管理办法修订", "职工收入分配方案", "劳动保护用品发放标准",
            "职工福利安排", "设备更新改造计划", "班组考核办法修订", "安全生产责任制修订"};
    private static final String[] REQUESTS = {"更衣室热水不足", "夜班餐供应", "倒班车辆接送", "班组休息室漏雨", "防暑降温用品",
            "职工子女入托", "工作服更换", "澡堂维修"};
    private static final String[] DEEDS = {"更换班组休息室空调", "修缮职工食堂", "配置职工健身器材", "改善倒班宿舍", "为困难职工送温暖",
            "整修车间道路"};
    private static final String[] RATES = {"计划生育率", "节育措施落实率", "独生子女领证率"};
    private static final String[] MASS_ORGANIZATIONS = {"车间工会", "团支部", "女工委"};
    private static final String[] NEWS = {"开展技术比武", "党员先锋岗纪实", "节能降耗见成效", "安全生产回顾", "检修攻坚记", "班组建设经验"};

    /** The lists of a facts file in its order, then the rubric's records in the order the rubric declares them. */
    private static final String[] LISTS = {"meetings", "duesPayments", "duesRemittances", "complaints",
            "disciplinaryCases", "incidents", "submissions", "documents", "activities", "tasks", "judgements",
            "ContractResult", "IntegrityWork", "FamilyPlanningRate", "MajorDecision", "LeadershipAssessment",
            "FiveGoodCampaign", "QuantitativeAppraisal", "Recruit", "CultureCampaign", "WorkforceHearing", "StaffRequest",
            "PracticalDeed", "UnionAssessment", "MassOrganizationBriefing", "MassOrganization", "LeagueAssessment"};
    private static final int MEETINGS = 0;
    private static final int DUES_PAYMENTS = 1;
    private static final int DUES_REMITTANCES = 2;
    private static final int COMPLAINTS = 3;
    private static final int CASES = 4;
    private static final int INCIDENTS = 5;
    private static final int SUBMISSIONS = 6;
    private static final int DOCUMENTS = 7;
    private static final int ACTIVITIES = 8;
    private static final int TASKS = 9;
    private static final int JUDGEMENTS = 10;

    private final long seed;
    private final DeclaredRecords records;

    /**
     * A fact before its id is known: ids follow the file order, which is known only when all are drawn. Records of
     * the rubric's own types have no id field; the engine names them by their place among their type.
     */
    private record Draft(int list, LocalDate date, Function<String, Object> make) {
    }

    PowerPlantGenerator(Rubric rubric, long seed) {
        this.seed = seed;
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("ContractResult", "{ tasksCompleted: true, costWithinTarget: true }");
        probes.put("IntegrityWork", "{ pledgesSigned: 1, pledgesRequired: 1, reportedToWorkforce: true }");
        probes.put("FamilyPlanningRate", "{ name: 计划生育率, met: true }");
        probes.put("MajorDecision", "{ date: 2024-01-10, matter: 年度任务分解, collective: true }");
        probes.put("LeadershipAssessment", "{ evidentDisunity: false }");
        probes.put("FiveGoodCampaign", "{ planFiled: true }");
        probes.put("QuantitativeAppraisal", "{ date: 2024-03-30 }");
        probes.put("Recruit", "{ name: 李娜, probationOverdue: false, procedureFollowed: true, leagueRecommendationRequired: true,"
                + " leagueRecommended: true, publicized: true }");
        probes.put("CultureCampaign", "{ planFiled: true, distinctive: true, environmentUpToStandard: true }");
        probes.put("WorkforceHearing", "{ date: 2024-11-08, suggestionsIgnored: false }");
        probes.put("StaffRequest", "{ date: 2024-06-02, summary: 热水不足, solvable: true, solved: true }");
        probes.put("PracticalDeed", "{ title: 更换空调, planned: true, done: true }");
        probes.put("UnionAssessment", "{ campaign: INNOVATION, held: true, effective: true }");
        probes.put("MassOrganizationBriefing", "{ date: 2024-03-21, organization: 车间工会 }");
        probes.put("MassOrganization", "{ name: 车间工会, sound: true, funded: true }");
        probes.put("LeagueAssessment", "{ standardized: true, effective: true }");
        this.records = new DeclaredRecords(rubric, probes);
    }

    @Override
    public FactSet generate(int index, int facts) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + facts + 2);
        String workshop = WORKSHOPS[index % WORKSHOPS.length];
        String name = workshop + (index < WORKSHOPS.length ? "" : "第" + (index / WORKSHOPS.length + 1)) + "党支部";

        List<Draft> fixed = new ArrayList<>();
        judgements(r, fixed);
        assessments(r, fixed);

        int members = Math.max(1, Math.round(facts * 0.3f / 12));
        while (members > 1 && facts - fixed.size() - members * 12 < 20) {
            members--;
        }
        List<String> names = Generation.names(members, r);
        List<Draft> drafts = new ArrayList<>(facts);
        drafts.addAll(fixed);
        BigDecimal[] monthlyDues = duesPayments(names, r, drafts);
        int budget = facts - drafts.size();
        if (budget < 0) {
            throw new IllegalArgumentException("a subject needs more than " + facts + " facts");
        }

        List<Draft> core = new ArrayList<>();
        meetings(names, r, core);
        remittances(monthlyDues, r, core);
        complaints(r, core, r.nextInt(3), 0.12);
        cases(names, r, core);
        incidents(r, core);
        submissions(r, core);
        documents(r, core);
        activities(r, core);
        tasks(r, core, 2 + r.nextInt(5), 0.05);
        decisions(r, core);
        appraisals(r, core);
        recruits(r, core);
        hearings(r, core, 1 + r.nextInt(2), 0.06);
        staffRequests(r, core, r.nextInt(4), 0.95);
        deeds(r, core);
        briefings(r, core);
        while (core.size() > budget) {
            core.remove(r.nextInt(core.size()));
        }
        while (core.size() < budget) {
            filler(r, core);
        }
        drafts.addAll(core);

        drafts.sort(Comparator.comparingInt(Draft::list)
                .thenComparing(Draft::date, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Object> all = new ArrayList<>(facts);
        int[] counts = new int[LISTS.length];
        for (Draft d : drafts) {
            all.add(d.make().apply(LISTS[d.list()] + "[" + counts[d.list()]++ + "]"));
        }
        Organization org = new Organization("dlc-" + index, name, OrganizationType.PARTY_BRANCH, members);
        return new FactSet("generated/powerplant/" + seed + "/" + facts + "/" + index + ".yaml", org, PERIOD, Round.REVIEW,
                all);
    }

    private static LocalDate day(SplittableRandom r) {
        return LocalDate.ofYearDay(YEAR, 1 + r.nextInt(365));
    }

    private static LocalDate dayIn(SplittableRandom r, int month) {
        return Generation.dayIn(r, YEAR, month);
    }

    private static LocalDate dayInQuarter(SplittableRandom r, int quarter) {
        return dayIn(r, (quarter - 1) * 3 + 1 + r.nextInt(3));
    }

    /** @return the months (1 to 12) or quarters (1 to 4) to leave out: none for most branches, one or two for some */
    private static Set<Integer> skipped(SplittableRandom r, int periods, double probability) {
        Set<Integer> skip = new HashSet<>();
        if (r.nextDouble() < probability) {
            int n = 1 + (r.nextInt(3) == 0 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                skip.add(1 + r.nextInt(periods));
            }
        }
        return skip;
    }

    /** A record of one of the rubric's own types, made when the facts are assembled. */
    private Draft declared(String type, LocalDate date, Map<String, Object> fields) {
        int list = List.of(LISTS).indexOf(type);
        return new Draft(list, date, id -> records.create(type, fields));
    }

    // ---- always there: the assessors' judgements and the plant's assessments of the branch

    private static void judgements(SplittableRandom r, List<Draft> out) {
        String grade = r.nextDouble() < 0.85 ? "较好" : "一般";
        String gradeNote = grade.equals("较好") ? null : "支委会讨论重大问题，部分委员参与不足";
        out.add(new Draft(JUDGEMENTS, null, id -> new Judgement(id, "2.2", grade, null, gradeNote, "考评组")));
        String[] tasks = {"5", "5", "5", "4.5", "4", "4", "3", "2.5"};
        BigDecimal taskPoints = new BigDecimal(tasks[r.nextInt(tasks.length)]);
        String taskNote = taskPoints.compareTo(BigDecimal.valueOf(5)) == 0 ? null : "交办任务有延期";
        out.add(new Draft(JUDGEMENTS, null, id -> new Judgement(id, "6.1", null, taskPoints, taskNote, "考评组")));
        String[] feature = {"5", "4", "4", "3.5", "3", "3", "2", "0"};
        BigDecimal featurePoints = new BigDecimal(feature[r.nextInt(feature.length)]);
        String featureNote = featurePoints.signum() == 0 ? "无创新做法" : "有创新做法";
        out.add(new Draft(JUDGEMENTS, null, id -> new Judgement(id, "7.1", null, featurePoints, featureNote, "考评组")));
    }

    private void assessments(SplittableRandom r, List<Draft> out) {
        if (r.nextDouble() >= 0.04) {
            boolean completed = r.nextDouble() >= 0.07;
            out.add(declared("ContractResult", null, Map.of("tasksCompleted", completed,
                    "costWithinTarget", r.nextDouble() >= 0.12)));
        }
        if (r.nextDouble() >= 0.03) {
            int required = 5 + r.nextInt(40);
            int signed = r.nextDouble() < 0.08 ? required - 1 - r.nextInt(3) : required;
            out.add(declared("IntegrityWork", null, Map.of("pledgesSigned", Math.max(0, signed), "pledgesRequired", required,
                    "reportedToWorkforce", r.nextDouble() >= 0.07)));
        }
        for (String rate : RATES) {
            out.add(declared("FamilyPlanningRate", null, Map.of("name", rate, "met", r.nextDouble() >= 0.03)));
        }
        out.add(declared("LeadershipAssessment", null, Map.of("evidentDisunity", r.nextDouble() < 0.04)));
        out.add(declared("FiveGoodCampaign", null, Map.of("planFiled", r.nextDouble() >= 0.06)));
        out.add(declared("CultureCampaign", null, Map.of("planFiled", r.nextDouble() >= 0.06,
                "distinctive", r.nextDouble() >= 0.15, "environmentUpToStandard", r.nextDouble() >= 0.08)));
        for (String campaign : List.of("INNOVATION", "WOMEN_AND_CULTURE")) {
            if (r.nextDouble() >= 0.02) {
                out.add(declared("UnionAssessment", null, Map.of("campaign", campaign, "held", r.nextDouble() >= 0.05,
                        "effective", r.nextDouble() >= 0.12)));
            }
        }
        int organizations = r.nextDouble() < 0.7 ? 3 : 2;
        for (int i = 0; i < organizations; i++) {
            out.add(declared("MassOrganization", null, Map.of("name", MASS_ORGANIZATIONS[i], "sound", r.nextDouble() >= 0.04,
                    "funded", r.nextDouble() >= 0.04)));
        }
        if (r.nextDouble() >= 0.02) {
            out.add(declared("LeagueAssessment", null, Map.of("standardized", r.nextDouble() >= 0.07,
                    "effective", r.nextDouble() >= 0.12)));
        }
    }

    // ---- the record book

    /** @return each member's monthly dues */
    private static BigDecimal[] duesPayments(List<String> names, SplittableRandom r, List<Draft> out) {
        BigDecimal[] monthly = new BigDecimal[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            BigDecimal due = BigDecimal.valueOf(500 + r.nextInt(9500), 2);
            monthly[i] = due;
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(YEAR, month);
                LocalDate date = ym.atDay(1 + r.nextInt(ym.lengthOfMonth()));
                out.add(new Draft(DUES_PAYMENTS, date, id -> new DuesPayment(id, name, ym, due, due, date)));
            }
        }
        return monthly;
    }

    private static void meetings(List<String> names, SplittableRandom r, List<Draft> out) {
        for (MeetingType type : List.of(MeetingType.STUDY_SESSION, MeetingType.COMMITTEE_MEETING, MeetingType.GROUP_MEETING)) {
            Set<Integer> skip = skipped(r, 12, 0.1);
            for (int month = 1; month <= 12; month++) {
                if (!skip.contains(month)) {
                    meeting(type, dayIn(r, month), null, null, r, out);
                }
            }
        }
        for (MeetingType type : List.of(MeetingType.GENERAL_MEETING, MeetingType.PARTY_LECTURE)) {
            Set<Integer> skip = skipped(r, 4, 0.08);
            for (int q = 1; q <= 4; q++) {
                if (!skip.contains(q)) {
                    Role ledBy = type == MeetingType.PARTY_LECTURE ? (r.nextDouble() < 0.7 ? Role.LEADER : Role.CADRE) : null;
                    meeting(type, dayInQuarter(r, q), ledBy, null, r, out);
                }
            }
        }
        Set<Integer> skip = skipped(r, 4, 0.06);
        int integrityTopic = r.nextDouble() < 0.08 ? 0 : 1 + r.nextInt(4);
        for (int q = 1; q <= 4; q++) {
            if (!skip.contains(q)) {
                int expected = 3 + r.nextInt(5);
                List<String> absent = r.nextDouble() < 0.1 ? List.of(names.get(r.nextInt(names.size()))) : List.of();
                LocalDate date = dayIn(r, q * 3);
                String topic = q == integrityTopic ? "班子党风廉政建设专题民主生活会" : r.nextBoolean() ? "批评与自我批评" : null;
                out.add(new Draft(MEETINGS, date, id -> new Meeting(id, MeetingType.DEMOCRATIC_LIFE_MEETING, date,
                        expected - absent.size(), expected, absent, null, null, topic)));
            }
        }
    }

    private static void meeting(MeetingType type, LocalDate date, Role ledBy, String topic, SplittableRandom r,
                                List<Draft> out) {
        String flaw = r.nextDouble() < 0.02 ? FLAWS[r.nextInt(FLAWS.length)] : null;
        Integer expected = r.nextBoolean() ? 5 + r.nextInt(20) : null;
        Integer attended = expected == null ? null : expected - r.nextInt(3);
        out.add(new Draft(MEETINGS, date, id -> new Meeting(id, type, date, attended, expected, List.of(), ledBy, flaw, topic)));
    }

    /** 每季次月5日前足额上缴: most on time and in full; some late, short or missing. */
    private static void remittances(BigDecimal[] monthlyDues, SplittableRandom r, List<Draft> out) {
        BigDecimal quarterly = BigDecimal.ZERO;
        for (BigDecimal dues : monthlyDues) {
            quarterly = quarterly.add(dues.multiply(BigDecimal.valueOf(3)));
        }
        for (int q = 1; q <= 4; q++) {
            if (r.nextDouble() < 0.025) {
                continue;
            }
            LocalDate deadline = PERIOD.quarterDay(q, 4, 5);
            LocalDate date = r.nextDouble() < 0.03 ? deadline.plusDays(1 + r.nextInt(15)) : deadline.minusDays(r.nextInt(20));
            BigDecimal due = quarterly;
            BigDecimal amount = r.nextDouble() < 0.02 ? due.subtract(due.divide(BigDecimal.TEN)) : due;
            int quarter = q;
            out.add(new Draft(DUES_REMITTANCES, date, id -> new DuesRemittance(id, quarter, amount, due, date)));
        }
    }

    private static void complaints(SplittableRandom r, List<Draft> out, int n, double verifiedProbability) {
        String[] summaries = {"班长在材料领用中优亲厚友", "反映考勤不公", "奖金分配不透明", "加班安排不合理"};
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            boolean verified = r.nextDouble() < verifiedProbability;
            String summary = summaries[r.nextInt(summaries.length)];
            out.add(new Draft(COMPLAINTS, date, id -> new Complaint(id, date, summary, verified)));
        }
    }

    private static void cases(List<String> names, SplittableRandom r, List<Draft> out) {
        int n = r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            String person = names.get(r.nextInt(names.size()));
            double who = r.nextDouble();
            Role role = who < 0.3 ? Role.LEADER : who < 0.6 ? Role.CADRE : who < 0.9 ? Role.MEMBER : Role.STAFF;
            double s = r.nextDouble();
            CaseSeverity severity = s < 0.4 ? CaseSeverity.VIOLATION : s < 0.65 ? CaseSeverity.PARTY_DISCIPLINE
                    : s < 0.8 ? CaseSeverity.ADMINISTRATIVE_DISCIPLINE : CaseSeverity.CRIMINAL;
            out.add(new Draft(CASES, date, id -> new DisciplinaryCase(id, date, person, role, severity, false, "违反工作纪律")));
        }
    }

    private static void incident(IncidentKind kind, IncidentSeverity severity, String summary, SplittableRandom r,
                                 List<Draft> out) {
        LocalDate date = day(r);
        out.add(new Draft(INCIDENTS, date, id -> new Incident(id, date, kind, severity, summary)));
    }

    private static void incidents(SplittableRandom r, List<Draft> out) {
        if (r.nextDouble() < 0.18) {
            int n = 1 + (r.nextDouble() < 0.3 ? 1 + (r.nextDouble() < 0.3 ? 1 : 0) : 0);
            for (int i = 0; i < n; i++) {
                incident(IncidentKind.SAFETY, IncidentSeverity.ORDINARY, "检修工手部划伤", r, out);
            }
        }
        if (r.nextDouble() < 0.04) {
            incident(IncidentKind.SAFETY, IncidentSeverity.MAJOR, "锅炉爆管停机", r, out);
        }
        if (r.nextDouble() < 0.04) {
            incident(IncidentKind.UNPLANNED_BIRTH, IncidentSeverity.ORDINARY, null, r, out);
        }
        if (r.nextDouble() < 0.1) {
            incident(IncidentKind.PETITION, IncidentSeverity.ORDINARY, "部分职工就倒班补贴集体反映", r, out);
        }
        if (r.nextDouble() < 0.04) {
            incident(IncidentKind.PETITION, IncidentSeverity.MAJOR, "职工集体到厂部上访", r, out);
        }
    }

    private static void submission(SubmissionKind kind, LocalDate date, String title, boolean accepted, List<Draft> out) {
        out.add(new Draft(SUBMISSIONS, date, id -> new Submission(id, kind, date, title, accepted)));
    }

    private static void submissions(SplittableRandom r, List<Draft> out) {
        for (int q = 1; q <= 4; q++) {
            if (r.nextDouble() >= 0.03) {
                submission(SubmissionKind.NEWS_ARTICLE, dayInQuarter(r, q), NEWS[r.nextInt(NEWS.length)], true, out);
            }
            if (r.nextDouble() < 0.15) {
                submission(SubmissionKind.NEWS_ARTICLE, dayInQuarter(r, q), NEWS[r.nextInt(NEWS.length)], false, out);
            }
        }
        Set<Integer> skip = skipped(r, 12, 0.1);
        for (int month = 1; month <= 12; month++) {
            if (!skip.contains(month)) {
                submission(SubmissionKind.BLACKBOARD_BULLETIN, dayIn(r, month), null, true, out);
            }
        }
    }

    private static void document(DocumentKind kind, boolean complete, List<Draft> out) {
        out.add(new Draft(DOCUMENTS, null, id -> new Document(id, kind, complete, complete ? null : "缺少部分记录")));
    }

    private static void documents(SplittableRandom r, List<Draft> out) {
        if (r.nextDouble() >= 0.06) {
            document(DocumentKind.DISCLOSURE, r.nextDouble() >= 0.1, out);
        }
        for (DocumentKind kind : List.of(DocumentKind.WORK_PLAN, DocumentKind.WORK_SUMMARY, DocumentKind.ACTIVITY_PLAN)) {
            if (r.nextDouble() >= 0.1) {
                document(kind, r.nextDouble() >= 0.05, out);
            }
        }
    }

    private static void activity(ActivityKind kind, LocalDate date, boolean absent, SplittableRandom r, List<Draft> out) {
        Integer expected = absent ? null : 5 + r.nextInt(30);
        out.add(new Draft(ACTIVITIES, date, id -> new Activity(id, kind, date, kind.label(), absent,
                expected == null ? null : expected - r.nextInt(2), expected)));
    }

    private static void activities(SplittableRandom r, List<Draft> out) {
        int integrity = r.nextDouble() < 0.06 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < integrity; i++) {
            activity(ActivityKind.INTEGRITY_EDUCATION, day(r), false, r, out);
        }
        if (r.nextDouble() < 0.1) {
            activity(ActivityKind.INTEGRITY_EDUCATION, day(r), true, r, out);
        }
        for (int q = 1; q <= 4; q++) {
            if (r.nextDouble() >= 0.025) {
                activity(ActivityKind.SAFETY_EDUCATION, dayInQuarter(r, q), false, r, out);
            }
        }
    }

    private static void tasks(SplittableRandom r, List<Draft> out, int n, double openProbability) {
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            boolean completed = r.nextDouble() >= openProbability;
            out.add(new Draft(TASKS, date, id -> new Task(id, date, "厂党委交办任务", completed)));
        }
    }

    // ---- the rubric's own records of the year

    private void decision(boolean collective, SplittableRandom r, List<Draft> out) {
        LocalDate date = day(r);
        out.add(declared("MajorDecision", date, Map.of("date", date, "matter", MATTERS[r.nextInt(MATTERS.length)],
                "collective", collective)));
    }

    private void decisions(SplittableRandom r, List<Draft> out) {
        int n = 2 + r.nextInt(4);
        int notCollective = r.nextDouble() < 0.06 ? r.nextInt(n) : -1;
        for (int i = 0; i < n; i++) {
            decision(i != notCollective, r, out);
        }
    }

    private void appraisals(SplittableRandom r, List<Draft> out) {
        for (int q = 1; q <= 4; q++) {
            if (r.nextDouble() >= 0.025) {
                LocalDate date = dayIn(r, q * 3);
                out.add(declared("QuantitativeAppraisal", date, Map.of("date", date)));
            }
        }
    }

    private void recruits(SplittableRandom r, List<Draft> out) {
        int n = r.nextDouble() < 0.55 ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < n; i++) {
            boolean young = r.nextDouble() < 0.4;
            out.add(declared("Recruit", null, Map.of("name", Generation.name(r),
                    "probationOverdue", r.nextDouble() < 0.04, "procedureFollowed", r.nextDouble() >= 0.05,
                    "leagueRecommendationRequired", young, "leagueRecommended", young && r.nextDouble() >= 0.12,
                    "publicized", r.nextDouble() >= 0.07)));
        }
    }

    private void hearings(SplittableRandom r, List<Draft> out, int n, double ignoredProbability) {
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            out.add(declared("WorkforceHearing", date, Map.of("date", date, "suggestionsIgnored",
                    r.nextDouble() < ignoredProbability)));
        }
    }

    private void staffRequests(SplittableRandom r, List<Draft> out, int n, double solvedProbability) {
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            boolean solvable = r.nextDouble() < 0.75;
            out.add(declared("StaffRequest", date, Map.of("date", date, "summary", REQUESTS[r.nextInt(REQUESTS.length)],
                    "solvable", solvable, "solved", solvable && r.nextDouble() < solvedProbability)));
        }
    }

    private void deed(boolean planned, boolean done, SplittableRandom r, List<Draft> out) {
        out.add(declared("PracticalDeed", null, Map.of("title", DEEDS[r.nextInt(DEEDS.length)], "planned", planned,
                "done", done)));
    }

    private void deeds(SplittableRandom r, List<Draft> out) {
        boolean noneDone = r.nextDouble() < 0.05;
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            deed(r.nextDouble() < 0.8, !noneDone && r.nextDouble() >= 0.08, r, out);
        }
    }

    private void briefing(LocalDate date, SplittableRandom r, List<Draft> out) {
        out.add(declared("MassOrganizationBriefing", date, Map.of("date", date,
                "organization", MASS_ORGANIZATIONS[r.nextInt(MASS_ORGANIZATIONS.length)])));
    }

    private void briefings(SplittableRandom r, List<Draft> out) {
        for (int q = 1; q <= 4; q++) {
            if (r.nextDouble() >= 0.02) {
                briefing(dayInQuarter(r, q), r, out);
            }
        }
    }

    /**
     * One more record of the kinds a bigger branch holds more of (several 党小组, more decisions and activities);
     * they rarely breach a criterion, so a big branch does not score much lower for its size.
     */
    private void filler(SplittableRandom r, List<Draft> out) {
        int pick = r.nextInt(100);
        if (pick < 18) {
            meeting(MeetingType.GROUP_MEETING, day(r), null, null, r, out);
        } else if (pick < 23) {
            meeting(MeetingType.COMMITTEE_MEETING, day(r), null, null, r, out);
        } else if (pick < 29) {
            meeting(MeetingType.STUDY_SESSION, day(r), null, null, r, out);
        } else if (pick < 37) {
            meeting(MeetingType.THEMED_PARTY_DAY, day(r), null, "主题党日", r, out);
        } else if (pick < 43) {
            meeting(MeetingType.HEART_TO_HEART_TALK, day(r), null, null, r, out);
        } else if (pick < 46) {
            meeting(MeetingType.ORGANIZATIONAL_LIFE_MEETING, day(r), null, null, r, out);
        } else if (pick < 60) {
            ActivityKind[] kinds = {ActivityKind.CULTURE, ActivityKind.OTHER, ActivityKind.COMPETITION,
                    ActivityKind.MASS_SERVICE, ActivityKind.SAFETY_EDUCATION, ActivityKind.MASS_ORGANIZATION};
            activity(kinds[r.nextInt(kinds.length)], day(r), false, r, out);
        } else if (pick < 70) {
            SubmissionKind[] kinds = {SubmissionKind.NEWS_ARTICLE, SubmissionKind.BLACKBOARD_BULLETIN,
                    SubmissionKind.INFORMATION_REPORT, SubmissionKind.PROPOSAL};
            SubmissionKind kind = kinds[r.nextInt(kinds.length)];
            submission(kind, day(r), kind == SubmissionKind.NEWS_ARTICLE ? NEWS[r.nextInt(NEWS.length)] : null,
                    r.nextDouble() < 0.7, out);
        } else if (pick < 78) {
            tasks(r, out, 1, 0.02);
        } else if (pick < 81) {
            complaints(r, out, 1, 0.01);
        } else if (pick < 83) {
            incident(IncidentKind.OTHER, IncidentSeverity.ORDINARY, "设备小故障", r, out);
        } else if (pick < 87) {
            DocumentKind[] kinds = {DocumentKind.OTHER, DocumentKind.ACTIVITY_PLAN, DocumentKind.MEMBER_MANAGEMENT_RECORDS,
                    DocumentKind.DUES_LEDGER};
            document(kinds[r.nextInt(kinds.length)], r.nextDouble() >= 0.1, out);
        } else if (pick < 91) {
            decision(r.nextDouble() >= 0.0005, r, out);
        } else if (pick < 94) {
            briefing(day(r), r, out);
        } else if (pick < 97) {
            staffRequests(r, out, 1, 0.999);
        } else if (pick < 98) {
            deed(r.nextDouble() < 0.5, r.nextDouble() >= 0.01, r, out);
        } else if (pick < 99) {
            hearings(r, out, 1, 0.002);
        } else {
            LocalDate date = day(r);
            out.add(declared("QuantitativeAppraisal", date, Map.of("date", date)));
        }
    }
}
