package io.github.rubric.examples.powerplant;

import static io.github.rubric.examples.Scenarios.Expected.deduction;
import static io.github.rubric.examples.Scenarios.assertItem;
import static io.github.rubric.examples.Scenarios.edit;
import static io.github.rubric.examples.Scenarios.zero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.examples.Scenarios;
import io.github.rubric.model.Points;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 动力厂党委2023年度党建工作目标责任制考评细则 (seed 002, first scheme). */
class PowerPlantRubricTest {
    private static final String BASE = "io/github/rubric/examples/powerplant/";
    private static final Rubric RUBRIC = Rubric.fromClasspath(BASE + "power-plant-party-committee.drl");
    private static final String MODEL = Scenarios.text(BASE + "facts/model-branch.yaml");
    private static final String SHORTFALLS = Scenarios.text(BASE + "facts/branch-with-shortfalls.yaml");
    private static final String STRUGGLING = Scenarios.text(BASE + "facts/struggling-branch.yaml");

    private static Scorecard score(String text) {
        return Scenarios.score(RUBRIC, "branch.yaml", text);
    }

    @Test
    void declaresTheSeedsSectionsAndItemsInItsOrder() {
        // GIVEN the rubric as loaded
        RubricDefinition definition = RUBRIC.definition();

        // WHEN / THEN the seven columns of the table, with their points, and the rows numbered in order
        assertThat(definition.sections()).extracting(Section::title).containsExactly("重点指标", "领导班子及干部队伍建设",
                "党支部建设目标", "企业文化建设和思想政治工作", "群团工作", "其他工作", "特色工作");
        assertThat(definition.sections()).extracting(s -> Points.format(s.maxPoints()))
                .containsExactly("20", "15", "20", "20", "15", "5", "5");
        assertThat(definition.sections()).extracting(Section::pooled)
                .containsExactly(true, false, false, false, false, false, false);
        assertThat(definition.items().map(Item::id)).containsExactly("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3",
                "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "5.4", "6.1", "7.1");
        assertThat(definition.item("1.4").orElseThrow().criteria())
                .contains("每重复发生一起一般性安全事故累进加扣5分，直至20分扣完");
        assertThat(definition.item("2.2").orElseThrow().grades()).extracting(g -> g.name() + g.points())
                .containsExactly("较好5", "一般2");
        assertThat(definition.item("6.1").orElseThrow().discretionary()).isTrue();
        assertThat(definition.item("7.1").orElseThrow().discretionary()).isTrue();
        assertThat(definition.item("4.2").orElseThrow().assumption()).contains("原文未界定何为“影响恶劣”");
    }

    @Test
    void givesAModelBranchFullMarks() {
        // GIVEN a branch that meets every criterion

        // WHEN
        Scorecard card = score(MODEL);

        // THEN
        assertThat(card.total()).isEqualTo(Points.of("100"));
        assertThat(card.sections()).allSatisfy(s -> assertThat(s.score()).isEqualTo(s.maxPoints()));
        assertThat(card.deductions()).isEmpty();
        assertThat(card.findings()).isEmpty();
        assertThat(card.item("2.2").orElseThrow().basisNote()).isEqualTo("评定等次较好，得5分：重大问题均经支委会集体研究，记录完整");
    }

    @Test
    void explainsEveryShortfallOfATypicalBranch() {
        // GIVEN a branch with shortfalls in most sections

        // WHEN
        Scorecard card = score(SHORTFALLS);

        // THEN 重点指标 (pooled): 3 + 15 of its 20 points lost
        assertItem(card, "1.1", "20");
        assertItem(card, "1.2", "17",
                deduction("2", "群众举报经查证属实1起，扣2分", "complaints[0]"),
                deduction("1", "廉洁保证书签订率未达100%，扣1分", "records.IntegrityWork[0]"));
        assertItem(card, "1.3", "20");
        assertItem(card, "1.4", "5",
                deduction("15", "发生一般性安全事故2起，累进扣15分", "incidents[0]", "incidents[1]"));
        assertThat(card.section("1").orElseThrow().score()).isEqualTo(Points.of("2"));
        assertThat(card.section("1").orElseThrow().note()).isEmpty();

        // 领导班子及干部队伍建设
        assertItem(card, "2.1", "3", deduction("2", "2023年08月未开展干部政治学习，扣2分"));
        assertItem(card, "2.2", "2");
        assertThat(card.item("2.2").orElseThrow().basisNote()).isEqualTo("评定等次一般，得2分：支委会讨论重大问题，部分委员参与不足");
        assertItem(card, "2.3", "5");

        // 党支部建设目标
        assertItem(card, "3.1", "2", deduction("4", "第2季度未对党员进行量化考核，扣4分",
                "records.QuantitativeAppraisal[0]", "records.QuantitativeAppraisal[1]", "records.QuantitativeAppraisal[2]"));
        assertItem(card, "3.2", "2",
                deduction("2", "2023年02月未召开支委会，扣2分"),
                deduction("3", "第4季度未上党课，扣3分"));
        assertItem(card, "3.3", "2", deduction("2", "发展新党员及预备党员转正未公示（1人），扣2分", "records.Recruit[1]"));
        assertItem(card, "3.4", "0", zero("3", "第2季度党费于2023-07-06上缴，晚于2023-07-05，不得分", "duesRemittances[1]"));
        assertThat(card.item("3.4").orElseThrow().deductions().get(0).zeroes()).isTrue();

        // 企业文化建设和思想政治工作
        assertItem(card, "4.1", "2", deduction("3", "企业文化建设活动无明显特色，扣3分", "records.CultureCampaign[0]"));
        assertItem(card, "4.2", "1", deduction("2", "出现一般性群访事件1起，扣2分", "incidents[2]"));
        assertItem(card, "4.3", "4");
        assertItem(card, "4.4", "4", deduction("1", "2023年02月未办黑板报，扣1分"));
        assertItem(card, "4.5", "1", deduction("2", "列入年度安排拟办而未办的实事1件，扣2分", "records.PracticalDeed[1]"));

        // 群团工作
        assertItem(card, "5.1", "2",
                deduction("2", "工会考核：经济技术创新和“安康杯”竞赛活动效果不明显，扣2分", "records.UnionAssessment[0]"));
        assertItem(card, "5.2", "1", deduction("2",
                "工会考核：女职工素质达标、巾帼创优、“创争”和职工文化体育等活动效果不明显，扣2分", "records.UnionAssessment[1]"));
        assertItem(card, "5.3", "2", deduction("2", "女工委经费不落实，扣2分", "records.MassOrganization[2]"));
        assertThat(card.item("5.3").orElseThrow().findings()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("女工委组织不健全（评分标准未规定扣分）");
            assertThat(f.evidence()).extracting(Evidence::id).containsExactly("records.MassOrganization[2]");
        });
        assertItem(card, "5.4", "2", deduction("2", "团委考核：团组织作用发挥不好，扣2分", "records.LeagueAssessment[0]"));

        // 其他工作, 特色工作 (酌情评分)
        assertItem(card, "6.1", "4");
        assertItem(card, "7.1", "3");
        assertThat(card.item("7.1").orElseThrow().basisNote()).isEqualTo("酌情评分3分：有创新做法，特色不够鲜明");

        assertThat(card.sections()).extracting(s -> Points.format(s.score()))
                .containsExactly("2", "10", "6", "12", "7", "4", "3");
        assertThat(card.total()).isEqualTo(Points.of("44"));
    }

    @Test
    void exhaustsThePooledSectionAndFloorsAndZeroesItemsOfABranchInTrouble() {
        // GIVEN a branch whose 重点指标 criteria deduct 80 points, with zeroed and floored items elsewhere

        // WHEN
        Scorecard card = score(STRUGGLING);

        // THEN every 重点指标 item is exhausted, and the section stops at 0 (直至20分扣完)
        SectionScore key = card.section("1").orElseThrow();
        assertThat(key.score()).isEqualTo(Points.of("0"));
        assertThat(key.note()).isEqualTo("本栏目扣分合计80分，直至20分扣完，得0分");
        assertItem(card, "1.1", "0", deduction("20", "未完成生产经营承包任务，扣20分", "records.ContractResult[0]"));
        assertItem(card, "1.2", "0",
                deduction("20", "班子成员受到刑事处理1人次，扣20分", "disciplinaryCases[0]"),
                deduction("5", "班子成员受到党纪政纪处分1人次，扣5分", "disciplinaryCases[1]"),
                deduction("3", "未召开班子党风廉政建设专题民主生活会，扣3分"),
                deduction("2", "全年未开展党风廉政教育，扣2分"),
                deduction("1", "党员、干部发生违纪违法问题1起，扣1分", "disciplinaryCases[2]"),
                deduction("1", "廉洁保证书签订率未达100%，扣1分"),
                deduction("5", "班子成员未向职工述廉，扣5分"));
        assertThat(card.item("1.2").orElseThrow().note()).isEqualTo("扣分合计37分，超过本项20分，扣完为止，得0分");
        assertItem(card, "1.3", "0",
                deduction("20", "出现计划外生育1例，扣20分", "incidents[4]"),
                deduction("3", "“三率”之计划生育率未达标，扣3分", "records.FamilyPlanningRate[0]"));
        assertItem(card, "1.4", "0",
                deduction("20", "发生重大人身伤亡、设备事故1起，扣20分", "incidents[0]"),
                deduction("30", "发生一般性安全事故3起，累进扣30分", "incidents[1]", "incidents[2]", "incidents[3]"),
                deduction("3", "第3、4季度未开展安全生产教育，未做到经常性，扣3分", "activities[1]", "activities[2]"));

        // per-month deductions floor at the item's 0; zeroing criteria make an item 0 whatever else
        assertThat(card.item("2.1").orElseThrow().deductions()).hasSize(9).allSatisfy(d ->
                assertThat(d.points()).isEqualTo(Points.of("2")));
        assertThat(card.item("2.1").orElseThrow().deductions()).extracting(Deduction::reason)
                .startsWith("2023年04月未开展干部政治学习，扣2分").endsWith("2023年12月未开展干部政治学习，扣2分");
        assertThat(card.item("2.1").orElseThrow().note()).isEqualTo("扣分合计18分，超过本项5分，扣完为止，得0分");
        assertItem(card, "2.2", "0", zero("5", "重大问题“车队承包方案”未经支委会集体决策，不得分", "records.MajorDecision[0]"));
        assertThat(card.item("2.2").orElseThrow().note()).isEqualTo("本项不得分");
        assertItem(card, "2.3", "0",
                zero("5", "第2季度没有召开民主生活会，不得分"),
                zero("5", "班子明显不团结，不得分", "records.LeadershipAssessment[0]"));
        assertItem(card, "3.1", "0",
                zero("6", "“支部创五好、党员争五强”活动无全年活动方案报党工部，不得分"),
                deduction("4", "第1、2、3、4季度未对党员进行量化考核，扣4分"));
        assertItem(card, "3.2", "1",
                deduction("2", "2023年11月未召开党小组会，扣2分"),
                deduction("2", "2023年12月未召开党小组会，扣2分"),
                deduction("2", "第3季度未召开党员大会，扣2分"));
        assertItem(card, "3.3", "0",
                zero("4", "预备党员周涛未按期转正，不得分", "records.Recruit[0]"),
                deduction("2", "未按规程发展党员（1人），扣2分", "records.Recruit[0]"),
                deduction("2", "需经团组织推优而未经推优（1人），扣2分", "records.Recruit[0]"));
        assertItem(card, "3.4", "0",
                zero("3", "第3季度党费应缴520元，实缴400元，未足额上缴，不得分", "duesRemittances[2]"),
                zero("3", "第4季度党费未上缴，不得分"));
        assertItem(card, "4.1", "0",
                zero("5", "企业文化建设、创建文明单位无活动方案报党工部，不得分"),
                deduction("2", "环境整治未达标，扣2分", "records.CultureCampaign[0]"));
        assertItem(card, "4.2", "0", zero("3", "2023-09-05发生影响恶劣的群体性上访事件，不得分", "incidents[5]"));
        assertItem(card, "4.3", "0",
                zero("4", "未进行车务公开，不得分"),
                deduction("2", "座谈会职工反映不倾听职工呼声、合理化建议不采纳，扣2分", "records.WorkforceHearing[0]"));
        assertThat(card.item("4.4").orElseThrow().deductions()).extracting(Deduction::reason).containsExactly(
                "第3、4季度没有送达党工部的新闻稿件，稿件撰写量未达标，扣4分",
                "2023年07月未办黑板报，扣1分", "2023年08月未办黑板报，扣1分", "2023年09月未办黑板报，扣1分",
                "2023年10月未办黑板报，扣1分", "2023年11月未办黑板报，扣1分", "2023年12月未办黑板报，扣1分");
        assertItem(card, "4.5", "0",
                zero("3", "职工反映的“夜班职工无处就餐”能解决而未解决，不得分", "records.StaffRequest[0]"),
                zero("3", "全年未为职工办实事，不得分"),
                deduction("2", "列入年度安排拟办而未办的实事1件，扣2分", "records.PracticalDeed[0]"));
        assertItem(card, "5.1", "0", zero("4", "工会考核：未开展经济技术创新和“安康杯”竞赛活动，不得分"));
        assertItem(card, "5.2", "0", zero("3", "工会考核：未开展女职工素质达标、巾帼创优、“创争”和职工文化体育等活动，不得分"));
        assertItem(card, "5.3", "0",
                zero("4", "第1季度未听取群团组织工作汇报，不得分"),
                deduction("2", "团支部经费不落实，扣2分", "records.MassOrganization[1]"),
                deduction("2", "车间工会经费不落实，扣2分", "records.MassOrganization[0]"));
        assertItem(card, "5.4", "0", zero("4", "团委考核：团组织未达到标准化要求，不得分"));
        assertThat(card.total()).isEqualTo(Points.of("3"));
        assertThat(Scenarios.items(card)).allSatisfy(i -> assertThat(i.score()).isBetween(Points.ZERO, i.maxPoints()));
    }

    @ParameterizedTest(name = "{0} ordinary safety accident(s): item 1.4 loses {1}, scores {2}")
    @CsvSource({
        "1, 5, 15",
        "2, 15, 5",
        "3, 30, 0",
    })
    void deductsProgressivelyForRepeatedOrdinarySafetyAccidents(int accidents, String deducted, String itemScore) {
        // GIVEN the model branch with ordinary safety accidents
        StringBuilder list = new StringBuilder("incidents:\n");
        for (int i = 1; i <= accidents; i++) {
            list.append("  - { id: accident-").append(i).append(", date: 2023-0").append(i + 2)
                    .append("-10, kind: SAFETY, severity: ORDINARY }\n");
        }

        // WHEN
        Scorecard card = score(MODEL + list);

        // THEN 5, then 5 + 10, then 5 + 10 + 15: never more than the 20 of the item and the section
        ItemScore safety = card.item("1.4").orElseThrow();
        assertThat(safety.deductions()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("1.4.2 发生一般性安全事故扣5分，每重复发生一起累进加扣5分，直至20分扣完");
            assertThat(d.points()).isEqualTo(Points.of(deducted));
            assertThat(d.reason()).isEqualTo("发生一般性安全事故" + accidents + "起，累进扣" + deducted + "分");
            assertThat(d.evidence()).hasSize(accidents);
        });
        assertThat(safety.score()).isEqualTo(Points.of(itemScore));
        assertThat(card.section("1").orElseThrow().score()).isEqualTo(Points.of(itemScore));
    }

    @Test
    void stopsThePooledSectionAtZeroWhenItsCriteriaTakeExactlyItsPoints() {
        // GIVEN cost not met (5) and two ordinary accidents (5 + 10): 20 in all
        String text = edit(MODEL, "{ tasksCompleted: true, costWithinTarget: true }", "{ tasksCompleted: true, costWithinTarget: false }")
                + "incidents:\n  - { date: 2023-05-10, kind: SAFETY, severity: ORDINARY }\n"
                + "  - { date: 2023-06-10, kind: SAFETY, severity: ORDINARY }\n";

        // WHEN
        Scorecard card = score(text);

        // THEN the section is exhausted exactly; nothing exceeds it, so there is no note
        assertItem(card, "1.1", "15", deduction("5", "完成生产经营任务，但成本费用未达要求，扣5分", "records.ContractResult[0]"));
        assertThat(card.section("1").orElseThrow().score()).isEqualTo(Points.of("0"));
        assertThat(card.section("1").orElseThrow().note()).isEmpty();
        assertThat(card.total()).isEqualTo(Points.of("80"));
    }

    @Test
    void takesTheWholePooledSectionForOneTwentyPointCriterionAndNotesTheExcess() {
        // GIVEN a major accident (20) and an unmet family-planning rate (3)
        String text = edit(MODEL, "{ name: 计划生育率, met: true }", "{ name: 计划生育率, met: false }")
                + "incidents:\n  - { date: 2023-05-10, kind: SAFETY, severity: MAJOR, summary: 汽轮机爆裂 }\n";

        // WHEN
        Scorecard card = score(text);

        // THEN
        assertItem(card, "1.4", "0", deduction("20", "发生重大人身伤亡、设备事故1起，扣20分", "incidents[0]"));
        assertItem(card, "1.3", "17", deduction("3", "“三率”之计划生育率未达标，扣3分", "records.FamilyPlanningRate[0]"));
        assertThat(card.section("1").orElseThrow().score()).isEqualTo(Points.of("0"));
        assertThat(card.section("1").orElseThrow().note()).isEqualTo("本栏目扣分合计23分，直至20分扣完，得0分");
    }

    @Test
    void recordsAFindingWhenTheContractResultIsMissing() {
        // GIVEN no 厂经济承包考核通报结果
        String text = edit(MODEL, "  ContractResult:\n    - { tasksCompleted: true, costWithinTarget: true }\n", "");

        // WHEN
        Scorecard card = score(text);

        // THEN no points are taken on a guess, but the gap is shown
        assertItem(card, "1.1", "20");
        assertThat(card.item("1.1").orElseThrow().findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("缺厂经济承包考核通报结果，本项未能核实"));
    }

    @ParameterizedTest(name = "quarter {0} remitted on {1}: item 3.4 scores {2}")
    @CsvSource({
        "1, 2023-04-05, 3",   // the deadline's own day (次月5日前 includes the 5th)
        "1, 2023-04-06, 0",   // the day after
        "3, 2023-10-05, 3",
        "3, 2023-10-06, 0",
        "4, 2024-01-05, 3",   // the fourth quarter's deadline falls in the next year
        "4, 2024-01-06, 0",
    })
    void requiresDuesByTheFifthOfTheMonthAfterEachQuarter(int quarter, String date, String expected) {
        // GIVEN the model branch with one quarter remitted on the given day
        String text = MODEL.replaceAll("(\\{ quarter: " + quarter + ", amount: [0-9.]+, due: [0-9.]+, date: )[0-9-]+ }", "$1" + date + " }");
        assertThat(text).contains("quarter: " + quarter + ", amount").contains(date);

        // WHEN
        Scorecard card = score(text);

        // THEN
        ItemScore dues = card.item("3.4").orElseThrow();
        assertThat(dues.score()).isEqualTo(Points.of(expected));
        if (expected.equals("0")) {
            String deadline = java.time.LocalDate.parse(date).minusDays(1).toString();
            assertThat(dues.deductions()).singleElement().satisfies(d -> {
                assertThat(d.zeroes()).isTrue();
                assertThat(d.reason()).isEqualTo("第" + quarter + "季度党费于" + date + "上缴，晚于" + deadline + "，不得分");
                assertThat(d.evidence()).extracting(Evidence::id).containsExactly("duesRemittances[" + (quarter - 1) + "]");
            });
        } else {
            assertThat(dues.deductions()).isEmpty();
        }
    }

    @Test
    void countsAMeetingInTheMonthItWasHeldOnTheMonthsLastAndNextFirstDay() {
        // GIVEN June's committee meeting held on 30 June, July's moved to 1 August
        String text = edit(edit(MODEL, "{ type: COMMITTEE_MEETING, date: 2023-06-10 }", "{ type: COMMITTEE_MEETING, date: 2023-06-30 }"),
                "{ type: COMMITTEE_MEETING, date: 2023-07-10 }", "{ type: COMMITTEE_MEETING, date: 2023-08-01 }");

        // WHEN
        Scorecard card = score(text);

        // THEN June is met, July is missing although August has two
        assertItem(card, "3.2", "5", deduction("2", "2023年07月未召开支委会，扣2分"));
    }

    @Test
    void countsAQuarterlyMeetingInTheQuarterItWasHeld() {
        // GIVEN the second quarter's general meeting held on 1 July instead
        String text = edit(MODEL, "{ type: GENERAL_MEETING, date: 2023-05-20 }", "{ type: GENERAL_MEETING, date: 2023-07-01 }");

        // WHEN
        Scorecard card = score(text);

        // THEN
        assertItem(card, "3.2", "5", deduction("2", "第2季度未召开党员大会，扣2分"));
    }

    @ParameterizedTest(name = "graded {0}: item 2.2 scores {1}")
    @CsvSource({"较好, 5", "一般, 2"})
    void scoresDemocraticCentralismByTheAssessorsGrade(String grade, String expected) {
        // GIVEN
        String text = edit(MODEL, "{ item: \"2.2\", grade: 较好, note: 重大问题均经支委会集体研究，记录完整 }",
                "{ item: \"2.2\", grade: " + grade + " }");

        // WHEN
        Scorecard card = score(text);

        // THEN
        assertItem(card, "2.2", expected);
        assertThat(card.item("2.2").orElseThrow().basisNote()).isEqualTo("评定等次" + grade + "，得" + expected + "分");
    }

    @Test
    void zeroesAGoodGradeWhenAMajorMatterWasNotDecidedCollectively() {
        // GIVEN graded 较好, but one major matter decided without the committee
        String text = edit(MODEL, "{ date: 2023-05-10, matter: 职工收入分配方案, collective: true }",
                "{ date: 2023-05-10, matter: 职工收入分配方案, collective: false }");

        // WHEN
        Scorecard card = score(text);

        // THEN
        assertItem(card, "2.2", "0", zero("5", "重大问题“职工收入分配方案”未经支委会集体决策，不得分", "records.MajorDecision[1]"));
        assertThat(card.item("2.2").orElseThrow().basis()).isEqualTo(Points.of("5"));
    }

    @Test
    void needsTheAssessorsPointsForTheDiscretionaryItems() {
        // GIVEN no points for 特色工作
        String text = edit(MODEL, "  - { item: \"7.1\", points: 5, note: 创建“党员责任区”，群团活动有特色 }\n", "");

        // WHEN / THEN
        assertThatThrownBy(() -> score(text)).isInstanceOfSatisfying(FactsException.class, e -> {
            assertThat(e.path()).isEqualTo("judgements");
            assertThat(e.getMessage()).contains("item '7.1' (创新和特色) needs an assessor's points (酌情评分), from 0 to 5");
        });
    }

    @Test
    void rejectsDiscretionaryPointsAboveTheItemsMaximum() {
        // GIVEN
        String text = edit(MODEL, "{ item: \"6.1\", points: 5,", "{ item: \"6.1\", points: 5.5,");

        // WHEN / THEN
        assertThatThrownBy(() -> score(text)).isInstanceOfSatisfying(FactsException.class, e -> {
            assertThat(e.path()).isEqualTo("judgements[1].points");
            assertThat(e.getMessage()).contains("must be from 0 to 5 for item '6.1', was 5.5");
        });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{ campaign: INNOVATION, held: true, effective: true }|{ campaign: SPORTS, held: true, effective: true }"
                + "|records.UnionAssessment[0].campaign|unknown value 'SPORTS'; expected one of: INNOVATION, WOMEN_AND_CULTURE",
        "    - { date: 2023-03-30 }|    - { date: 2024-03-30 }"
                + "|records.QuantitativeAppraisal[0].date|date 2024-03-30 is outside the assessment period 2023-01-01 to 2023-12-31",
        "{ pledgesSigned: 23, pledgesRequired: 23, reportedToWorkforce: true }|{ pledgesSigned: 23, reportedToWorkforce: true }"
                + "|records.IntegrityWork[0]|missing field pledgesRequired of IntegrityWork; every field of a declared record must be given",
        "{ quarter: 4, amount: 705.00, due: 705.00, date: 2024-01-05 }|{ quarter: 4, amount: 705.00, due: 705.00, date: 2024-04-01 }"
                + "|duesRemittances[3].date|date 2024-04-01 is outside the assessment period 2023-01-01 to 2024-03-31",
    })
    void rejectsBadFactsNamingTheFieldsPathAndLine(String passage, String replacement, String path, String problem) {
        // GIVEN the model branch with one bad value
        String text = edit(MODEL, passage, replacement);
        int line = 1 + (int) text.substring(0, text.indexOf(replacement)).chars().filter(c -> c == '\n').count();

        // WHEN / THEN
        assertThatThrownBy(() -> score(text)).isInstanceOfSatisfying(FactsException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.getMessage()).isEqualTo("branch.yaml:" + e.line() + ": " + path + ": " + problem);
            assertThat(e.line()).isEqualTo(line);
        });
    }

    @Test
    void writesTheScorecardAsJsonThatReadsBackEqual() {
        // GIVEN the typical branch's scorecard
        Scorecard card = score(SHORTFALLS);

        // WHEN
        String json = Scorecards.toJson(card);

        // THEN
        assertThat(Scorecards.fromJson(json)).isEqualTo(card);
        assertThat(Scorecards.toText(card)).contains(card.rubric().title()).contains(Points.format(card.total()));
    }

    @Test
    void everyRuleLeavesAnEntryInSomeScenario() {
        // GIVEN the bundled facts files and the variants the tests above score
        List<String> scenarios = List.of(MODEL, SHORTFALLS, STRUGGLING,
                edit(MODEL, "  ContractResult:\n    - { tasksCompleted: true, costWithinTarget: true }\n", ""),
                edit(MODEL, "{ tasksCompleted: true, costWithinTarget: true }", "{ tasksCompleted: true, costWithinTarget: false }"));

        // WHEN
        Set<String> fired = new TreeSet<>();
        scenarios.forEach(text -> fired.addAll(Scenarios.rulesWithEntries(score(text))));

        // THEN
        assertThat(fired).containsExactlyInAnyOrderElementsOf(RUBRIC.ruleNames());
    }
}
