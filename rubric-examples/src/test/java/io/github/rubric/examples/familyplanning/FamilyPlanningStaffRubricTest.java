package io.github.rubric.examples.familyplanning;

import static io.github.rubric.examples.Scenarios.Expected.deduction;
import static io.github.rubric.examples.Scenarios.assertItem;
import static io.github.rubric.examples.Scenarios.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.examples.Scenarios;
import io.github.rubric.model.Points;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.Item;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 计生局岗位目标责任制考核方案 (seed 002, third scheme): one staff member, 100 points plus uncapped bonuses. */
class FamilyPlanningStaffRubricTest {
    private static final String BASE = "io/github/rubric/examples/familyplanning/";
    private static final Rubric RUBRIC = Rubric.fromClasspath(BASE + "family-planning-bureau-staff.drl");
    private static final String MODEL = Scenarios.text(BASE + "facts/model-staff.yaml");
    private static final String SHORTFALLS = Scenarios.text(BASE + "facts/staff-with-shortfalls.yaml");
    private static final String STRUGGLING = Scenarios.text(BASE + "facts/struggling-staff.yaml");
    private static final String FULL_ATTENDANCE = "{ workdays: 242, daysPresent: 242, late: 0, leftEarly: 0, absentWithoutLeave: 0 }";

    private static Scorecard score(String text) {
        return Scenarios.score(RUBRIC, "staff.yaml", text);
    }

    @Test
    void declaresTheSchemesEightItemsAndNoBonusCap() {
        // GIVEN the rubric as loaded

        // WHEN / THEN
        assertThat(RUBRIC.definition().items()).extracting(i -> i.id() + " " + i.title() + " " + Points.format(i.maxPoints()))
                .containsExactly("1 工作业绩 30", "2 述职情况 5", "3 廉政勤政 10", "4 考勤情况 15", "5 业务考试 8",
                        "6 环境卫生 7", "7 中心工作 20", "8 民主评议 5");
        assertThat(RUBRIC.definition().bonus().cap()).isNull();
        assertThat(RUBRIC.definition().item("4").orElseThrow().assumption()).contains("不足一个百分点如何计");
        assertThat(RUBRIC.definition().items().map(Item::criteria)).allSatisfy(c -> assertThat(c).isNotBlank());
    }

    @Test
    void givesAModelStaffMemberFullMarks() {
        // GIVEN a section chief with full results in every converted item

        // WHEN
        Scorecard card = score(MODEL);

        // THEN
        assertThat(card.subject().kind()).isEqualTo("person");
        assertThat(card.total()).isEqualTo(Points.of("100"));
        assertThat(card.bonuses()).isEmpty();
        assertThat(card.deductions()).isEmpty();
        assertThat(card.findings()).isEmpty();
    }

    @Test
    void explainsEveryShortfallConversionAndBonusOfATypicalStaffMember() {
        // GIVEN a deputy section chief with shortfalls and bonus factors

        // WHEN
        Scorecard card = score(SHORTFALLS);

        // THEN
        assertItem(card, "1", "15",
                deduction("5", "工作中出现差错1次，扣5分", "records.WorkLapse[0]"),
                deduction("5", "未按时完成组织交办的任务1项，扣5分", "tasks[1]"),
                deduction("5", "本科室第3季度业绩档案材料未按规定时间汇总上报，扣5分", "records.PerformanceFiling[2]"));
        assertItem(card, "2", "3.31",
                deduction("1.69", "全年述职评定得分合计265分（满分400分），折合本项3.31分，较满分少1.69分",
                        "jsj-012", "records.ReportRating[0]", "records.ReportRating[1]", "records.ReportRating[2]"));
        assertThat(card.item("2").orElseThrow().findings()).extracting(Finding::reason)
                .containsExactly("第4季度未述职，按0分计入述职得分");
        assertItem(card, "3", "5", deduction("5", "经举报查实1起，扣5分", "complaints[0]"));
        assertItem(card, "4", "9.5",
                deduction("3", "全年出勤率94.21%（应出勤242天，实际出勤228天），比95%低1个百分点（不足一个百分点按一个百分点计），扣3分",
                        "records.Attendance[0]"),
                deduction("1.5", "迟到3次，扣1.5分", "records.Attendance[0]"),
                deduction("1", "早退1次，扣1分", "records.Attendance[0]"));
        assertItem(card, "5", "6.93",
                deduction("1.07", "全年业务考试成绩合计346.5分（满分400分），折合本项6.93分，较满分少1.07分",
                        "records.ExamResult[0]", "records.ExamResult[1]", "records.ExamResult[2]", "records.ExamResult[3]"));
        assertItem(card, "6", "6.47",
                deduction("0.53", "科室卫生检查5次，得分合计462分（满分500分），折合本项6.47分，较满分少0.53分",
                        "records.HygieneInspection[0]", "records.HygieneInspection[1]", "records.HygieneInspection[2]",
                        "records.HygieneInspection[3]", "records.HygieneInspection[4]"));
        assertItem(card, "7", "20");
        assertItem(card, "8", "4.42",
                deduction("0.58", "年终民主评议6票，得分合计530分（满分600分），折合本项4.42分，较满分少0.58分",
                        "records.PeerRating[0]", "records.PeerRating[1]", "records.PeerRating[2]", "records.PeerRating[3]",
                        "records.PeerRating[4]", "records.PeerRating[5]"));
        assertThat(card.sectionTotal()).isEqualTo(Points.of("70.63"));

        // the rejected proposal and the township award earn nothing; the provincial article counts once, at 10
        assertThat(card.bonuses()).extracting(b -> b.rule().substring(0, b.rule().indexOf(' ')) + " " + Points.format(b.points())
                + "→" + Points.format(b.counted()) + " " + b.reason()).containsExactly(
                "9.2 2→2 被评为县级先进或模范，加2分",
                "9.3.1 5→5 在市级报刊《黄石日报》发表稿件，市级以上加5分",
                "9.3.2 10→10 在省级报刊《湖北日报》发表稿件，省级以上加10分",
                "9.3.1 5→0 在省级报刊《湖北日报》发表稿件，市级以上加5分",
                "9.1 10→10 书面提出合理化建议并被局党组采纳，加10分");
        assertThat(card.bonuses().get(3).note()).isEqualTo("同一事项获多次奖励的只按最高一次加分（就高不就低）");
        assertThat(card.bonuses()).extracting(b -> b.evidence().stream().map(Evidence::id).toList()).containsExactly(
                List.of("awards[0]"), List.of("records.Publication[1]"), List.of("records.Publication[0]"),
                List.of("records.Publication[0]"), List.of("submissions[0]"));
        assertThat(card.bonusTotal()).isEqualTo(Points.of("27"));
        assertThat(card.total()).isEqualTo(Points.of("97.63"));
    }

    @Test
    void floorsItemsWhoseDeductionsExceedTheirPoints() {
        // GIVEN a staff member with heavy deductions, missed exams and no inspection or appraisal records

        // WHEN
        Scorecard card = score(STRUGGLING);

        // THEN
        assertItem(card, "1", "0",
                deduction("10", "工作中出现差错2次，扣10分", "records.WorkLapse[1]", "records.WorkLapse[2]"),
                deduction("5", "未按时完成组织交办的任务1项，扣5分", "tasks[0]"),
                deduction("10", "因工作拖拉出现严重失误、影响全局工作1次，扣10分", "records.WorkLapse[0]"),
                deduction("5", "本科室第1季度业绩档案材料未按规定时间汇总上报，扣5分"),
                deduction("5", "本科室第2季度业绩档案材料未按规定时间汇总上报，扣5分", "records.PerformanceFiling[0]"));
        assertThat(card.item("1").orElseThrow().note()).isEqualTo("扣分合计35分，超过本项30分，扣完为止，得0分");
        assertItem(card, "2", "5");
        assertItem(card, "3", "0", deduction("15", "经举报查实3起，扣15分", "complaints[0]", "complaints[1]", "complaints[2]"));
        assertItem(card, "4", "0",
                deduction("15", "全年出勤率90%（应出勤240天，实际出勤216天），比95%低5个百分点（不足一个百分点按一个百分点计），扣15分",
                        "records.Attendance[0]"),
                deduction("1", "迟到2次，扣1分", "records.Attendance[0]"),
                deduction("2", "旷工1次，扣2分", "records.Attendance[0]"));
        assertThat(card.item("4").orElseThrow().note()).isEqualTo("扣分合计18分，超过本项15分，扣完为止，得0分");
        assertItem(card, "5", "2", deduction("6", "全年业务考试成绩合计100分（满分400分），折合本项2分，较满分少6分",
                "records.ExamResult[0]", "records.ExamResult[1]"));
        assertThat(card.item("5").orElseThrow().findings()).extracting(Finding::reason)
                .containsExactly("第3季度未参加业务考试，按0分计入考试成绩", "第4季度未参加业务考试，按0分计入考试成绩");
        assertItem(card, "6", "7");
        assertThat(card.item("6").orElseThrow().findings()).extracting(Finding::reason)
                .containsExactly("没有本科室的卫生检查记录，本项未能核实");
        assertItem(card, "7", "0", deduction("20", "抽查中查出所在调查组未查出的重大问题2个，扣20分",
                "records.OverlookedProblem[0]", "records.OverlookedProblem[1]"));
        assertItem(card, "8", "5");
        assertThat(card.item("8").orElseThrow().findings()).extracting(Finding::reason)
                .containsExactly("没有年终民主评议记录，本项未能核实");
        assertThat(card.total()).isEqualTo(Points.of("19"));
    }

    @ParameterizedTest(name = "{1} of {0} days present ({3}): item 4 scores {2}")
    @CsvSource({
        "240, 228, 15, 95%",       // exactly at the threshold: 95%以上 includes 95 %
        "240, 227, 12, 94.58%",    // just under: one started point
        "1000, 950, 15, 95%",
        "1000, 949, 12, 94.9%",    // a tenth of a point under still counts as a point
        "242, 230, 15, 95.04%",
        "200, 187, 9, 93.5%",      // one and a half points: two
        "240, 216, 0, 90%",        // five points: exactly the item's 15
        "240, 215, 0, 89.58%",     // six points: 18, floored at 0
    })
    void deductsThreePointsForEachStartedPercentagePointBelowNinetyFive(int workdays, int present, String expected, String rate) {
        // GIVEN
        String text = edit(MODEL, FULL_ATTENDANCE,
                "{ workdays: " + workdays + ", daysPresent: " + present + ", late: 0, leftEarly: 0, absentWithoutLeave: 0 }");

        // WHEN
        Scorecard card = score(text);

        // THEN
        ItemScore attendance = card.item("4").orElseThrow();
        assertThat(attendance.score()).isEqualTo(Points.of(expected));
        if (expected.equals("15")) {
            assertThat(attendance.deductions()).isEmpty();
        } else {
            assertThat(attendance.deductions()).singleElement().satisfies(d -> assertThat(d.reason())
                    .startsWith("全年出勤率" + rate + "（应出勤" + workdays + "天，实际出勤" + present + "天），比95%低"));
        }
    }

    @Test
    void deductsHalfAPointForEachLateArrival() {
        // GIVEN
        String text = edit(MODEL, FULL_ATTENDANCE, "{ workdays: 242, daysPresent: 242, late: 5, leftEarly: 2, absentWithoutLeave: 3 }");

        // WHEN
        Scorecard card = score(text);

        // THEN 2.5 + 2 + 6
        assertItem(card, "4", "4.5",
                deduction("2.5", "迟到5次，扣2.5分", "records.Attendance[0]"),
                deduction("2", "早退2次，扣2分", "records.Attendance[0]"),
                deduction("6", "旷工3次，扣6分", "records.Attendance[0]"));
    }

    @Test
    void roundsAConvertedScoreHalfUpToTwoPlaces() {
        // GIVEN two inspections: 187 of 200, × 7 = 6.545
        String text = edit(MODEL, """
                  HygieneInspection:
                    - { date: 2023-03-03, score: 100 }
                    - { date: 2023-06-02, score: 100 }
                    - { date: 2023-09-01, score: 100 }
                    - { date: 2023-12-01, score: 100 }
                """, """
                  HygieneInspection:
                    - { date: 2023-03-03, score: 95 }
                    - { date: 2023-09-01, score: 92 }
                """);

        // WHEN
        Scorecard card = score(text);

        // THEN
        assertItem(card, "6", "6.55", deduction("0.45", "科室卫生检查2次，得分合计187分（满分200分），折合本项6.55分，较满分少0.45分",
                "records.HygieneInspection[0]", "records.HygieneInspection[1]"));
    }

    @Test
    void countsAMissedExamAsZero() {
        // GIVEN no exam in the third quarter
        String text = edit(MODEL, "    - { quarter: 3, score: 100 }\n    - { quarter: 4, score: 100 }\n  HygieneInspection",
                "    - { quarter: 4, score: 100 }\n  HygieneInspection");

        // WHEN
        Scorecard card = score(text);

        // THEN 300 of 400 → 6
        assertItem(card, "5", "6", deduction("2", "全年业务考试成绩合计300分（满分400分），折合本项6分，较满分少2分",
                "records.ExamResult[0]", "records.ExamResult[1]", "records.ExamResult[2]"));
        assertThat(card.item("5").orElseThrow().findings()).extracting(Finding::reason)
                .containsExactly("第3季度未参加业务考试，按0分计入考试成绩");
    }

    @Test
    void scoresNothingForAYearWithoutExamsOrReports() {
        // GIVEN a section chief with no exam results and no report ratings
        String text = MODEL.replaceAll("  (ReportRating|ExamResult):\n(    - .*\n)+", "");

        // WHEN
        Scorecard card = score(text);

        // THEN 0 of 400 converts to 0, and each quarter is named
        assertItem(card, "2", "0", deduction("5", "全年述职评定得分合计0分（满分400分），折合本项0分，较满分少5分", "jsj-003"));
        assertItem(card, "5", "0", deduction("8", "全年业务考试成绩合计0分（满分400分），折合本项0分，较满分少8分"));
        assertThat(card.item("5").orElseThrow().findings()).hasSize(4);
        assertThat(card.total()).isEqualTo(Points.of("87"));
    }

    @Test
    void leavesTheReportItemAtFullMarksForStaffWhoDoNotReport() {
        // GIVEN an ordinary staff member (not a cadre who reports) with low ratings on file
        String text = edit(edit(MODEL, "role: LEADER", "role: STAFF"), "- { quarter: 1, score: 100 }\n    - { quarter: 2, score: 100 }\n    - { quarter: 3, score: 100 }\n    - { quarter: 4, score: 100 }\n  Attendance",
                "- { quarter: 1, score: 50 }\n  Attendance");

        // WHEN
        Scorecard card = score(text);

        // THEN
        assertItem(card, "2", "5");
        assertThat(card.item("2").orElseThrow().findings()).isEmpty();
    }

    @Test
    void recordsAFindingWhenTheAttendanceSummaryIsMissing() {
        // GIVEN
        String text = edit(MODEL, "  Attendance:\n    - " + FULL_ATTENDANCE + "\n", "");

        // WHEN
        Scorecard card = score(text);

        // THEN
        assertItem(card, "4", "15");
        assertThat(card.item("4").orElseThrow().findings()).extracting(Finding::reason).containsExactly("缺全年考勤统计，本项未能核实");
    }

    @Test
    void addsBonusPointsWithoutACap() {
        // GIVEN full marks, three adopted proposals and an article in a national journal
        String text = edit(MODEL, "records:\n", """
                submissions:
                  - { kind: PROPOSAL, date: 2023-02-10, title: 简化流动人口婚育证明, accepted: true }
                  - { kind: PROPOSAL, date: 2023-05-10, title: 建立科室互查制度, accepted: true }
                  - { kind: PROPOSAL, date: 2023-08-10, title: 开展政策进村宣讲, accepted: true }
                records:
                  Publication:
                    - { date: 2023-04-20, title: 基层计生的变与不变, outlet: 人口与健康, level: NATIONAL }
                """);

        // WHEN
        Scorecard card = score(text);

        // THEN 100 + 3 × 10 + 10: nothing caps the bonus
        assertThat(counted(card)).extracting(Bonus::achievement).containsExactly(
                "发表稿件《基层计生的变与不变》", "合理化建议：建立科室互查制度", "合理化建议：开展政策进村宣讲", "合理化建议：简化流动人口婚育证明");
        assertThat(card.bonusTotal()).isEqualTo(Points.of("40"));
        assertThat(card.total()).isEqualTo(Points.of("140"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{ quarter: 2, score: 90 }|{ quarter: 2, score: 120 }|records.ExamResult[1].score|must be at most 100, was 120",
        "{ quarter: 2, score: 90 }|{ quarter: 5, score: 90 }|records.ExamResult[1].quarter|must be at most 4, was 5",
        "{ workdays: 242,|{ workdays: 0,|records.Attendance[0].workdays|must be at least 1, was 0",
        "late: 3,|late: -1,|records.Attendance[0].late|must not be negative, was -1",
        "{ score: 85 }|{ score: 85.5.5 }|records.PeerRating[1].score|'85.5.5' is not a number",
        "level: PROVINCIAL|level: PROVINCE|records.Publication[0].level|unknown value 'PROVINCE'; expected one of: NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY",
        "role: LEADER, |role: DIRECTOR, |subject.role|unknown value 'DIRECTOR'; expected one of: LEADER, CADRE, MEMBER, STAFF",
    })
    void rejectsBadFactsNamingTheFieldsPathAndLine(String passage, String replacement, String path, String problem) {
        // GIVEN the typical staff member with one bad value
        String text = edit(SHORTFALLS, passage, replacement);
        int at = text.indexOf(replacement);
        int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();

        // WHEN / THEN
        assertThatThrownBy(() -> score(text)).isInstanceOfSatisfying(FactsException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).isEqualTo("staff.yaml:" + line + ": " + path + ": " + problem);
        });
    }

    @Test
    void writesTheScorecardAsJsonThatReadsBackEqual() {
        // GIVEN the typical staff member's scorecard
        Scorecard card = score(SHORTFALLS);

        // WHEN
        String json = Scorecards.toJson(card);

        // THEN
        assertThat(Scorecards.fromJson(json)).isEqualTo(card);
        assertThat(Scorecards.toText(card)).contains(card.rubric().title()).contains(Points.format(card.total()));
    }

    @Test
    void everyRuleLeavesAnEntryInSomeScenario() {
        // GIVEN the bundled facts files and a variant without the attendance summary
        List<String> scenarios = List.of(MODEL, SHORTFALLS, STRUGGLING,
                edit(MODEL, "  Attendance:\n    - " + FULL_ATTENDANCE + "\n", ""));

        // WHEN
        Set<String> fired = new TreeSet<>();
        scenarios.forEach(text -> fired.addAll(Scenarios.rulesWithEntries(score(text))));

        // THEN
        assertThat(fired).containsExactlyInAnyOrderElementsOf(RUBRIC.ruleNames());
    }

    private static List<Bonus> counted(Scorecard card) {
        return card.bonuses().stream().filter(b -> b.counted().signum() > 0).toList();
    }
}
