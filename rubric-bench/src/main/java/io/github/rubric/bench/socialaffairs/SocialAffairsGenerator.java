package io.github.rubric.bench.socialaffairs;

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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Branches of the social affairs bureau with a year of records, as their record books and the bureau's ledgers
 * would list them: the 三会一课 and study sessions, a dues payment per member per month, the quarterly
 * remittances, complaints, cases, incidents, submissions, documents, activities, tasks, and the rubric's own
 * {@code Leadership} and {@code Recruitment} records.
 *
 * <p>Each criterion is met by most branches and missed by some (a few in ten), so that every rule fires on some
 * subjects and not on others. About 55 % of a branch's facts are dues payments (12 per member); a bigger branch
 * holds more of everything else too (group meetings, themed party days, activities, tasks, complaints). A small
 * branch whose core records do not fit its size loses some at random, and scores lower.
 */
final class SocialAffairsGenerator implements SubjectGenerator {
    private static final int YEAR = 2024;
    private static final String[] UNITS = {"卫生科", "文化科", "教育科", "民政科", "体育科", "档案室", "办公室", "医保中心", "社保所", "图书馆"};
    private static final String[] FLAWS = {"记录不规范，缺签到", "会议记录事后补写", "参会人数与签到不符"};

    private final long seed;
    private final DeclaredRecords records;

    /** A fact before its id is known: ids follow the file order, which is known only when all are drawn. */
    private record Draft(int list, LocalDate date, Function<String, Object> make) {
    }

    private static final String[] LISTS = {"meetings", "duesPayments", "duesRemittances", "complaints",
            "disciplinaryCases", "incidents", "submissions", "documents", "activities", "tasks"};
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

    SocialAffairsGenerator(Rubric rubric, long seed) {
        this.seed = seed;
        this.records = new DeclaredRecords(rubric, Map.of(
                "Leadership", "{ complete: true, electionOverdue: false, disunityReported: false }",
                "Recruitment", "{ ballotVoting: true }"));
    }

    @Override
    public FactSet generate(int index, int facts) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + facts);
        Organization org = organization(index, r);

        List<Object> declared = new ArrayList<>();
        declared.add(records.create("Leadership", Map.of(
                "complete", r.nextDouble() >= 0.08,
                "electionOverdue", r.nextDouble() < 0.08,
                "disunityReported", r.nextDouble() < 0.05)));
        boolean recruited = r.nextDouble() < 0.5;
        if (recruited) {
            declared.add(records.create("Recruitment", Map.of("ballotVoting", r.nextDouble() >= 0.12)));
        }

        int members = Math.max(3, Math.round(facts * 0.55f / 12));
        while (members > 1 && facts - declared.size() - members * 12 < 10) {
            members--;
        }
        List<String> names = Generation.names(members, r);
        List<Draft> drafts = new ArrayList<>();
        duesPayments(names, r, drafts);
        int budget = facts - declared.size() - drafts.size();
        if (budget < 0) {
            throw new IllegalArgumentException("a subject needs more than " + facts + " facts");
        }

        List<Draft> core = new ArrayList<>();
        meetings(names, r, core);
        remittances(members, r, core);
        submissions(r, core);
        documents(recruited, r, core);
        activities(r, core);
        cases(names, r, core, r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
        complaints(r, core, r.nextInt(4));
        incidents(r, core, r.nextInt(3) == 0 ? 1 : 0);
        tasks(r, core, 2 + r.nextInt(8), 0.07);
        while (core.size() > budget) {
            core.remove(r.nextInt(core.size()));
        }
        while (core.size() < budget) {
            filler(names, r, core);
        }
        drafts.addAll(core);

        drafts.sort(Comparator.comparingInt(Draft::list)
                .thenComparing(Draft::date, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Object> all = new ArrayList<>(facts);
        int[] counts = new int[LISTS.length];
        for (Draft d : drafts) {
            all.add(d.make().apply(LISTS[d.list()] + "[" + counts[d.list()]++ + "]"));
        }
        all.addAll(declared);
        Round round = r.nextInt(5) == 0 ? Round.SELF : Round.REVIEW;
        return new FactSet("generated/" + seed + "/" + facts + "/" + index + ".yaml", org, AssessmentPeriod.ofYear(YEAR),
                round, all);
    }

    private static Organization organization(int index, SplittableRandom r) {
        OrganizationType type = r.nextInt(10) < 8 ? OrganizationType.PARTY_BRANCH
                : r.nextBoolean() ? OrganizationType.GENERAL_BRANCH : OrganizationType.PARTY_COMMITTEE;
        String name = UNITS[index % UNITS.length] + "第" + (index / UNITS.length + 1) + type.label();
        return new Organization("org-" + index, name, type, null);
    }

    private static LocalDate day(SplittableRandom r) {
        return LocalDate.ofYearDay(YEAR, 1 + r.nextInt(366));
    }

    private static LocalDate dayIn(SplittableRandom r, int month) {
        return Generation.dayIn(r, YEAR, month);
    }

    private static void duesPayments(List<String> names, SplittableRandom r, List<Draft> out) {
        for (String name : names) {
            BigDecimal due = BigDecimal.valueOf(200 + r.nextInt(19800), 2);
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(YEAR, month);
                BigDecimal paid = r.nextDouble() < 0.003 ? due.divide(BigDecimal.valueOf(2)) : due;
                LocalDate date = ym.atDay(1 + r.nextInt(ym.lengthOfMonth()));
                out.add(new Draft(DUES_PAYMENTS, date, id -> new DuesPayment(id, name, ym, due, paid, date)));
            }
        }
    }

    private static int around(SplittableRandom r, int required, double shortProbability) {
        return r.nextDouble() < shortProbability ? r.nextInt(required) : required + r.nextInt(3);
    }

    private static void meetings(List<String> names, SplittableRandom r, List<Draft> out) {
        int general = around(r, 4, 0.15);
        for (int i = 0; i < general; i++) {
            meeting(MeetingType.GENERAL_MEETING, dayIn(r, 1 + (i * 3 + r.nextInt(3)) % 12), null, r, 0.03, out);
        }
        int committee = around(r, 4, 0.12) + r.nextInt(6);
        for (int i = 0; i < committee; i++) {
            meeting(MeetingType.COMMITTEE_MEETING, day(r), null, r, 0.03, out);
        }
        int lectures = around(r, 2, 0.12);
        for (int i = 0; i < lectures; i++) {
            meeting(MeetingType.PARTY_LECTURE, day(r), r.nextDouble() < 0.7 ? Role.LEADER : Role.CADRE, r, 0.03, out);
        }
        int democratic = r.nextDouble() < 0.08 ? 0 : 1;
        for (int i = 0; i < democratic; i++) {
            int expected = 3 + r.nextInt(5);
            List<String> absent = r.nextDouble() < 0.15 ? List.of(names.get(r.nextInt(names.size()))) : List.of();
            LocalDate date = dayIn(r, 11 + r.nextInt(2));
            out.add(new Draft(MEETINGS, date, id -> new Meeting(id, MeetingType.DEMOCRATIC_LIFE_MEETING, date,
                    expected - absent.size(), expected, absent, null, null, "专题民主生活会")));
        }
        int study = around(r, 12, 0.25);
        for (int i = 0; i < study; i++) {
            meeting(MeetingType.STUDY_SESSION, dayIn(r, 1 + i % 12), null, r, 0.02, out);
        }
    }

    private static void meeting(MeetingType type, LocalDate date, Role ledBy, SplittableRandom r, double flawed,
                                List<Draft> out) {
        String flaw = r.nextDouble() < flawed ? FLAWS[r.nextInt(FLAWS.length)] : null;
        Integer expected = r.nextBoolean() ? 5 + r.nextInt(20) : null;
        Integer attended = expected == null ? null : expected - r.nextInt(3);
        out.add(new Draft(MEETINGS, date, id -> new Meeting(id, type, date, attended, expected, List.of(), ledBy, flaw, null)));
    }

    private static void remittances(int members, SplittableRandom r, List<Draft> out) {
        AssessmentPeriod period = AssessmentPeriod.ofYear(YEAR);
        for (int q = 1; q <= 4; q++) {
            if (r.nextDouble() < 0.04) {
                continue;
            }
            LocalDate deadline = period.quarterDay(q, 3, 25);
            LocalDate date = r.nextDouble() < 0.12 ? deadline.plusDays(1 + r.nextInt(20)) : deadline.minusDays(r.nextInt(20));
            BigDecimal amount = BigDecimal.valueOf(members * (600 + r.nextInt(3000)), 2);
            int quarter = q;
            out.add(new Draft(DUES_REMITTANCES, date, id -> new DuesRemittance(id, quarter, amount, null, date)));
        }
    }

    private static void submission(SubmissionKind kind, boolean accepted, String title, SplittableRandom r, List<Draft> out) {
        LocalDate date = day(r);
        out.add(new Draft(SUBMISSIONS, date, id -> new Submission(id, kind, date, title, accepted)));
    }

    private static void submissions(SplittableRandom r, List<Draft> out) {
        if (r.nextDouble() >= 0.08) {
            submission(SubmissionKind.SELF_ASSESSMENT_REPORT, true, "年度目标责任制自查报告", r, out);
        }
        if (r.nextDouble() >= 0.1) {
            submission(SubmissionKind.DEMOCRATIC_LIFE_REPORT, true, null, r, out);
        }
        int articles = r.nextDouble() < 0.1 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < articles; i++) {
            submission(SubmissionKind.RESEARCH_ARTICLE, true, "基层服务调研", r, out);
        }
        int deeds = r.nextDouble() < 0.1 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < deeds; i++) {
            submission(SubmissionKind.GOOD_DEED_REPORT, true, null, r, out);
        }
        int reports = 2 + r.nextInt(6);
        for (int i = 0; i < reports; i++) {
            submission(SubmissionKind.INFORMATION_REPORT, r.nextDouble() < 0.8, "党建动态", r, out);
        }
    }

    private static void document(DocumentKind kind, boolean complete, List<Draft> out) {
        out.add(new Draft(DOCUMENTS, null, id -> new Document(id, kind, complete, complete ? null : "缺少部分记录")));
    }

    private static void documents(boolean recruited, SplittableRandom r, List<Draft> out) {
        for (DocumentKind kind : List.of(DocumentKind.WORK_PLAN, DocumentKind.WORK_SUMMARY, DocumentKind.STUDY_SIGN_IN,
                DocumentKind.DISCLOSURE)) {
            if (r.nextDouble() >= 0.07) {
                document(kind, r.nextDouble() >= 0.05, out);
            }
        }
        for (DocumentKind kind : List.of(DocumentKind.ORGANIZATIONAL_LIFE_RECORD_BOOK, DocumentKind.STUDY_RECORD_BOOK,
                DocumentKind.MEMBER_REGISTER)) {
            if (r.nextDouble() >= 0.05) {
                document(kind, r.nextDouble() >= 0.08, out);
                if (r.nextDouble() < 0.1) {
                    document(kind, r.nextBoolean(), out);
                }
            }
        }
        if (recruited) {
            int forms = 1 + r.nextInt(3);
            for (int i = 0; i < forms; i++) {
                document(DocumentKind.APPLICATION_FORM, r.nextDouble() >= 0.06, out);
            }
            document(DocumentKind.RECRUITMENT_RECORDS, r.nextDouble() >= 0.1, out);
        }
    }

    private static void activity(ActivityKind kind, boolean absent, SplittableRandom r, List<Draft> out) {
        LocalDate date = day(r);
        Integer expected = absent ? null : 5 + r.nextInt(30);
        out.add(new Draft(ACTIVITIES, date, id -> new Activity(id, kind, date, kind.label(), absent,
                expected == null ? null : expected - 1, expected)));
    }

    private static void activities(SplittableRandom r, List<Draft> out) {
        int[][] plan = {{3, 6, 5}, {2, 5, 5}, {1, 4, 8}, {1, 4, 8}, {1, 3, 8}};
        ActivityKind[] kinds = {ActivityKind.HIGHER_LEVEL_EVENT, ActivityKind.STUDY_TRAINING,
                ActivityKind.INTEGRITY_EDUCATION, ActivityKind.MASS_SERVICE, ActivityKind.MASS_ORGANIZATION};
        for (int k = 0; k < kinds.length; k++) {
            int n = plan[k][0] + r.nextInt(plan[k][1]);
            for (int i = 0; i < n; i++) {
                activity(kinds[k], r.nextInt(100) < plan[k][2], r, out);
            }
        }
    }

    private static void cases(List<String> names, SplittableRandom r, List<Draft> out, int n) {
        Role[] roles = {Role.LEADER, Role.CADRE, Role.MEMBER, Role.STAFF};
        CaseSeverity[] severities = CaseSeverity.values();
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            String person = names.get(r.nextInt(names.size()));
            Role role = roles[r.nextInt(roles.length)];
            CaseSeverity severity = severities[r.nextInt(severities.length)];
            boolean concealed = r.nextDouble() < 0.25;
            out.add(new Draft(CASES, date, id -> new DisciplinaryCase(id, date, person, role, severity, concealed, "违反工作纪律")));
        }
    }

    private static void complaints(SplittableRandom r, List<Draft> out, int n) {
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            boolean verified = r.nextDouble() < 0.3;
            out.add(new Draft(COMPLAINTS, date, id -> new Complaint(id, date, "办事推诿", verified)));
        }
    }

    private static void incidents(SplittableRandom r, List<Draft> out, int n) {
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            IncidentKind kind = IncidentKind.values()[r.nextInt(IncidentKind.values().length)];
            IncidentSeverity severity = r.nextInt(10) == 0 ? IncidentSeverity.MAJOR : IncidentSeverity.ORDINARY;
            out.add(new Draft(INCIDENTS, date, id -> new Incident(id, date, kind, severity, null)));
        }
    }

    private static void tasks(SplittableRandom r, List<Draft> out, int n, double openProbability) {
        for (int i = 0; i < n; i++) {
            LocalDate date = day(r);
            boolean completed = r.nextDouble() >= openProbability;
            out.add(new Draft(TASKS, date, id -> new Task(id, date, "上级交办任务", completed)));
        }
    }

    /** One more record of the kinds a bigger branch holds more of. */
    private static void filler(List<String> names, SplittableRandom r, List<Draft> out) {
        int pick = r.nextInt(100);
        if (pick < 16) {
            meeting(MeetingType.GROUP_MEETING, day(r), null, r, 0, out);
        } else if (pick < 24) {
            meeting(MeetingType.THEMED_PARTY_DAY, day(r), null, r, 0, out);
        } else if (pick < 30) {
            meeting(MeetingType.HEART_TO_HEART_TALK, day(r), null, r, 0, out);
        } else if (pick < 33) {
            meeting(MeetingType.ORGANIZATIONAL_LIFE_MEETING, day(r), null, r, 0, out);
        } else if (pick < 38) {
            meeting(MeetingType.STUDY_SESSION, day(r), null, r, 0.02, out);
        } else if (pick < 40) {
            meeting(MeetingType.COMMITTEE_MEETING, day(r), null, r, 0.02, out);
        } else if (pick < 54) {
            ActivityKind[] other = {ActivityKind.OTHER, ActivityKind.CULTURE, ActivityKind.SAFETY_EDUCATION};
            activity(other[r.nextInt(other.length)], false, r, out);
        } else if (pick < 62) {
            activity(ActivityKind.values()[r.nextInt(5)], r.nextInt(50) == 0, r, out);
        } else if (pick < 72) {
            SubmissionKind[] kinds = {SubmissionKind.NEWS_ARTICLE, SubmissionKind.BLACKBOARD_BULLETIN,
                    SubmissionKind.INFORMATION_REPORT, SubmissionKind.PROPOSAL};
            submission(kinds[r.nextInt(kinds.length)], r.nextDouble() < 0.7, null, r, out);
        } else if (pick < 82) {
            tasks(r, out, 1, 0.02);
        } else if (pick < 86) {
            LocalDate date = day(r);
            boolean verified = r.nextInt(10) == 0;
            out.add(new Draft(COMPLAINTS, date, id -> new Complaint(id, date, "服务态度", verified)));
        } else if (pick < 89) {
            incidents(r, out, 1);
        } else if (pick < 96) {
            DocumentKind[] kinds = {DocumentKind.OTHER, DocumentKind.DUES_LEDGER, DocumentKind.ACTIVITY_PLAN,
                    DocumentKind.MEMBER_MANAGEMENT_RECORDS};
            document(kinds[r.nextInt(kinds.length)], r.nextDouble() >= 0.1, out);
        } else {
            LocalDate date = day(r);
            String person = names.get(r.nextInt(names.size()));
            boolean concealed = r.nextInt(20) == 0;
            out.add(new Draft(CASES, date, id -> new DisciplinaryCase(id, date, person, Role.MEMBER, CaseSeverity.VIOLATION,
                    concealed, "提醒谈话")));
        }
    }
}
