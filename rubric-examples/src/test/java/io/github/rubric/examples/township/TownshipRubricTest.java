package io.github.rubric.examples.township;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.rubric.examples.ExampleFacts.deductions;
import static io.github.rubric.examples.ExampleFacts.findings;
import static io.github.rubric.examples.ExampleFacts.ids;
import static io.github.rubric.examples.ExampleFacts.replace;
import static io.github.rubric.examples.ExampleFacts.rulesThatReported;
import static io.github.rubric.examples.ExampleFacts.score;
import static io.github.rubric.examples.ExampleFacts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** 2014年度苏木镇基层党建工作考核评分细则 (seed 001), scored on example townships. */
class TownshipRubricTest {
    private static final String RUBRIC = "io/github/rubric/examples/township/township-party-building-2014.drl";
    private static final String MODEL = "io/github/rubric/examples/township/facts/model-township.yaml";
    private static final String SHORTFALLS = "io/github/rubric/examples/township/facts/township-with-shortfalls.yaml";
    private static final String FAILING = "io/github/rubric/examples/township/failing-township.yaml";
    private static final String EXEMPT = "io/github/rubric/examples/township/exempt-township.yaml";
    private static final Rubric RUBRIC_FILE = Rubric.fromClasspath(RUBRIC);

    /** Facts with the subject and period only, plus one community: every per-item record is missing. */
    private static final String NO_RECORDS = """
            subject: { kind: organization, id: empty-sumu, name: 空白苏木, type: TOWNSHIP }
            period: 2014
            records:
              Community:
                - { name: 空白社区, members: 12, generalBranch: false, venueUpToStandard: true, oneStopServiceHall: true, jointBuilding: true }
            """;

    @Test
    void declaresElevenItemsOfFiveOrTenPointsAddingUpToOneHundred() {
        // GIVEN the rubric rebuilt from the seed's table
        var definition = RUBRIC_FILE.definition();

        // WHEN its items are listed
        var items = definition.items().toList();

        // THEN there are 11 rows of 10 or 5 points, as the seed prints them
        assertThat(items).extracting(i -> i.id() + " " + i.title() + " " + Points.format(i.maxPoints())).containsExactly(
                "1 党员队伍建设 10", "2 后进嘎查党组织整顿及嘎查活动场所建设情况 10", "3 落实党组织书记抓党建责任制 10",
                "4 党员干部教育管理 10", "5 大学生村官管理与培养 5", "6 推广“532”工作法情况 5", "7 服务型党组织建设 10",
                "8 嘎查党组织星级化管理 10", "9 精品社区创建、社区活动阵地建设 10", "10 “党员中心户+协会”工作 10",
                "11 党代表发挥作用情况 10");
        assertThat(definition.totalPoints()).isEqualByComparingTo("100");
        assertThat(items).allSatisfy(i -> assertThat(i.assumption()).as("item %s documents its reconstruction", i.id())
                .isNotBlank());
    }

    @Test
    void scoresFullMarksWhenEveryCriterionIsMet() {
        // GIVEN a township that meets every criterion (with a 嘎查 venue of exactly 150 平方米)
        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, MODEL);

        // THEN every item keeps its points and nothing is reported
        assertThat(card.total()).isEqualByComparingTo("100");
        assertThat(card.sections().get(0).items()).allSatisfy(item -> {
            assertThat(item.score()).isEqualByComparingTo(item.maxPoints());
            assertThat(item.deductions()).isEmpty();
            assertThat(item.findings()).isEmpty();
            assertThat(item.exemptions()).isEmpty();
        });
    }

    @Test
    void deductsItemByItemForATypicalTownshipWithShortfalls() {
        // GIVEN a township with shortfalls in most items
        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, SHORTFALLS);

        // THEN each item loses exactly the points of its breached criteria, citing the records
        assertThat(card.sections().get(0).items()).extracting(ItemScore::id, i -> Points.format(i.score())).containsExactly(
                tuple("1", "5"), tuple("2", "5"), tuple("3", "6"), tuple("4", "5"), tuple("5", "4"), tuple("6", "5"),
                tuple("7", "6"), tuple("8", "6"), tuple("9", "7"), tuple("10", "10"), tuple("11", "6"));
        assertThat(card.total()).isEqualByComparingTo("65");
        assertThat(deductions(item(card, "1"))).containsExactly(
                tuple("1.2 发展党员工作不规范、材料不齐全的扣5分", "5", "发展党员工作不规范、材料不齐全，扣5分",
                        List.of("records.Recruitment[0]")));
        assertThat(deductions(item(card, "2"))).containsExactly(
                tuple("2.4 软弱涣散党组织没能转化的扣3分", "3", "软弱涣散党组织巴音高勒嘎查没能转化，扣3分",
                        List.of("records.BackwardGacha[0]")),
                tuple("2.5 1个嘎查活动场所面积未达到150平米标准的扣2分", "2",
                        "巴音高勒嘎查活动场所面积149.9平方米，未达到150平方米标准，扣2分", List.of("records.Gacha[0]")));
        assertThat(deductions(item(card, "3"))).containsExactly(
                tuple("3.1 党建工作计划和总结空洞、缺少实质内容的扣2分", "2", "党建工作总结空洞、缺少实质内容，扣2分",
                        List.of("documents[0]", "documents[1]")),
                tuple("3.4 “联述联评联考”会议信息没上报的扣1分", "1", "“联述联评联考”会议信息没上报，扣1分",
                        List.of("records.AppraisalMeeting[0]")),
                tuple("3.5 党委书记没有就嘎查办公经费使用情况对嘎查“两委”干部进行授课的扣1分", "1",
                        "党委书记没有就嘎查办公经费使用情况对嘎查“两委”干部授课，扣1分", List.of("records.SecretaryDuty[0]")));
        assertThat(deductions(item(card, "4"))).containsExactly(
                tuple("4.2 全年组织党员集中活动达3次以上，集中活动记录少一次扣0.5分", "0.5",
                        "全年党员集中活动记录2次，要求3次以上，少1次，扣0.5分", List.of("meetings[0]", "meetings[1]")),
                tuple("4.3 党员政治理论学习不少于10次，次数不够的扣1分", "1", "全年党员政治理论学习8次，不足10次，扣1分",
                        List.of("meetings[2]", "meetings[3]", "meetings[4]", "meetings[5]", "meetings[6]", "meetings[7]",
                                "meetings[8]", "meetings[9]")),
                tuple("4.4 党员未及时足额交纳党费的扣1.5分", "1.5", "党员未及时足额交纳党费1笔，扣1.5分",
                        List.of("duesPayments[1]")),
                tuple("4.6 没召开民主生活会和没开展民主评议党员工作的扣2分", "2", "没开展民主评议党员工作，扣2分",
                        List.of("meetings[10]")));
        assertThat(deductions(item(card, "5"))).containsExactly(
                tuple("5.3 大学生村官全年工作出勤率不高的扣1分", "1", "大学生村官全年工作出勤率不高，扣1分",
                        List.of("records.GraduateOfficials[0]")));
        assertThat(deductions(item(card, "6"))).isEmpty();
        assertThat(deductions(item(card, "7"))).containsExactly(
                tuple("7.2 便民服务大厅作用发挥不好的扣2分", "2", "便民服务大厅作用发挥不好，扣2分",
                        List.of("records.ServiceOrganization[0]")),
                tuple("7.4 嘎查党员帮代办服务站发挥作用不好的扣2分", "2", "查干诺尔嘎查党员帮代办服务站发挥作用不好，扣2分",
                        List.of("records.Gacha[1]")));
        assertThat(deductions(item(card, "8"))).containsExactly(
                tuple("8.2 嘎查晋位升级工作开展不好的扣4分", "4", "嘎查晋位升级工作开展不好，扣4分",
                        List.of("records.StarRating[0]")));
        assertThat(deductions(item(card, "9"))).containsExactly(
                tuple("9.5 党员50名以上的社区没建立党总支的扣1分", "1",
                        "党员50名以上的社区没建立党总支（甘珠尔社区党员50名），扣1分", List.of("records.Community[0]")),
                tuple("9.6 1个社区办公活动场所面积没达标的扣2分", "2", "甘珠尔社区办公活动场所面积没达标，扣2分",
                        List.of("records.Community[0]")));
        assertThat(deductions(item(card, "10"))).isEmpty();
        assertThat(deductions(item(card, "11"))).containsExactly(
                tuple("11.3 党代表作用发挥不明显的扣4分", "4", "党代表作用发挥不明显，扣4分", List.of("records.DeputyWork[0]")));
        assertThat(card.findings()).isEmpty();
    }

    @Test
    void stopsAnItemAtZeroWhenItsDeductionsExceedItsPoints() {
        // GIVEN a township failing nearly every criterion, with three small 嘎查 venues and two substandard 社区 venues
        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, FAILING);

        // THEN items 2 (14 points deducted) and 9 (12) stop at 0 and say so; item 4 loses exactly its 10
        assertThat(item(card, "2").score()).isEqualByComparingTo("0");
        assertThat(item(card, "2").note()).isEqualTo("扣分合计14分，超过本项10分，扣完为止，得0分");
        assertThat(deductions(item(card, "2"))).extracting(t -> t.toList().get(1)).containsExactly("2", "3", "3", "2", "2", "2");
        assertThat(item(card, "9").score()).isEqualByComparingTo("0");
        assertThat(item(card, "9").note()).isEqualTo("扣分合计12分，超过本项10分，扣完为止，得0分");
        assertThat(item(card, "4").score()).isEqualByComparingTo("0");
        assertThat(item(card, "4").note()).isEmpty();
        assertThat(deductions(item(card, "4"))).extracting(t -> t.toList().get(2)).contains(
                "全年党员集中活动记录0次，要求3次以上，少3次，扣1.5分", "没召开民主生活会、没开展民主评议党员工作，扣2分");
        // and the items that keep points keep exactly what is left
        assertThat(item(card, "3").score()).isEqualByComparingTo("2");
        assertThat(item(card, "7").score()).isEqualByComparingTo("2");
        assertThat(card.total()).isEqualByComparingTo("4");
    }

    @ParameterizedTest(name = "a 嘎查 venue of {0} 平方米 costs {1} points")
    @CsvSource({"150, 0", "150.0, 0", "150.01, 0", "149.99, 2", "149.9, 2", "0, 2"})
    void deductsTwoPointsForEachGachaVenueUnder150SquareMetres(String area, String deducted) {
        // GIVEN the model township with one 嘎查 venue changed
        String facts = replace(text(MODEL), "name: 乌兰诺尔嘎查, venueArea: 150,", "name: 乌兰诺尔嘎查, venueArea: " + area + ",");

        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, "venue.yaml", facts);

        // THEN only a venue under 150 loses 2 points
        assertThat(item(card, "2").score()).isEqualByComparingTo(new BigDecimal("10").subtract(new BigDecimal(deducted)));
        if (!deducted.equals("0")) {
            assertThat(deductions(item(card, "2"))).containsExactly(tuple("2.5 1个嘎查活动场所面积未达到150平米标准的扣2分", "2",
                    "乌兰诺尔嘎查活动场所面积" + new BigDecimal(area).toPlainString() + "平方米，未达到150平方米标准，扣2分",
                    List.of("records.Gacha[1]")));
        }
    }

    @ParameterizedTest(name = "a 社区 of {0} members without a 党总支 costs {1} points")
    @CsvSource({"49, 0", "50, 1", "51, 1", "120, 1"})
    void deductsOnePointWhenACommunityOfFiftyMembersOrMoreHasNoGeneralBranch(int members, String deducted) {
        // GIVEN the model township whose 阿拉坦社区 has no 党总支, with its membership changed
        String facts = replace(text(MODEL), "name: 阿拉坦社区, members: 38,", "name: 阿拉坦社区, members: " + members + ",");

        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, "community.yaml", facts);

        // THEN 50 members or more without a 党总支 costs 1 point; 49 costs nothing
        assertThat(item(card, "9").score()).isEqualByComparingTo(new BigDecimal("10").subtract(new BigDecimal(deducted)));
        if (!deducted.equals("0")) {
            assertThat(deductions(item(card, "9"))).containsExactly(tuple("9.5 党员50名以上的社区没建立党总支的扣1分", "1",
                    "党员50名以上的社区没建立党总支（阿拉坦社区党员" + members + "名），扣1分", List.of("records.Community[1]")));
        }
    }

    @ParameterizedTest(name = "{0} with no rectification materials: exempt = {1}")
    @CsvSource({"嵯岗镇, true", "罕达盖苏木, true", "甘珠尔苏木, false", "嵯岗, false"})
    void excusesOnlyTheNamedTownshipsFromTheRectificationMaterialsCriterion(String township, boolean exempt) {
        // GIVEN a township without 后进嘎查 rectification materials
        String facts = replace(text(EXEMPT), "name: 嵯岗镇,", "name: " + township + ",");

        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, "exempt.yaml", facts);

        // THEN the townships the criterion names carry an exemption instead of the 2-point deduction
        ItemScore rectification = item(card, "2");
        var materialsDeductions = rectification.deductions().stream()
                .filter(d -> d.rule().startsWith("2.1 ")).toList();
        if (exempt) {
            assertThat(materialsDeductions).isEmpty();
            assertThat(rectification.exemptions()).extracting(Exemption::rule, Exemption::reason, Exemption::exemption,
                    e -> ids(e.evidence())).containsExactly(tuple(
                    "2.1 没有后进嘎查党组织转化整顿相关材料的扣2分（嵯岗、罕达盖除外）", "没有后进嘎查党组织转化整顿相关材料，扣2分",
                    "评分标准注明嵯岗镇、罕达盖苏木除外", List.of("records.Rectification[0]")));
            assertThat(rectification.score()).isEqualByComparingTo("7");
        } else {
            assertThat(rectification.exemptions()).isEmpty();
            assertThat(materialsDeductions).extracting(d -> Points.format(d.points())).containsExactly("2");
            assertThat(rectification.score()).isEqualByComparingTo("5");
        }
        // the other 3-point criterion of the item applies to every township alike
        assertThat(deductions(rectification)).contains(tuple("2.3 没有后进嘎查的苏木镇没有转化巩固措施的扣3分", "3",
                "没有转化巩固措施，扣3分", List.of("records.Rectification[0]")));
    }

    @ParameterizedTest(name = "{0} 党员集中活动 cost {1} points")
    @CsvSource({"3, 0", "2, 0.5", "1, 1", "0, 1.5"})
    void deductsHalfAPointForEachMissingCollectiveActivity(int held, String deducted) {
        // GIVEN the model township, which held 3 党员集中活动, with some of them removed
        String facts = text(MODEL);
        String[] dates = {"2014-04-22", "2014-07-01", "2014-10-15"};
        for (int i = held; i < 3; i++) {
            facts = facts.replaceAll("(?m)^  - \\{ type: THEMED_PARTY_DAY, date: " + dates[i] + ".*\\n", "");
        }

        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, "activities.yaml", facts);

        // THEN each missing one costs 0.5
        assertThat(item(card, "4").score()).isEqualByComparingTo(new BigDecimal("10").subtract(new BigDecimal(deducted)));
        assertThat(item(card, "4").deductions()).extracting(d -> Points.format(d.points()))
                .containsExactlyElementsOf(deducted.equals("0") ? List.of() : List.of(deducted));
    }

    @Test
    void doesNotAssessATownshipWithoutCommunitiesOnCommunityCriteria() {
        // GIVEN the model township without its 社区 and without the 精品社区 record
        String facts = text(MODEL)
                .replaceAll("(?m)^  Community:\\n(    - .*\\n)+", "")
                .replaceAll("(?m)^  CommunityBuilding:\\n(    - .*\\n)+", "");
        assertThat(facts).doesNotContain("社区, members");

        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, "no-communities.yaml", facts);

        // THEN nothing about 社区 is deducted or reported, and the township keeps 100
        assertThat(card.total()).isEqualByComparingTo("100");
        assertThat(item(card, "9").findings()).isEmpty();
    }

    @Test
    void reportsMissingRecordsAsFindingsInsteadOfGivingSilentFullMarks() {
        // GIVEN facts without any of the assessor's per-item records and without the township's 嘎查
        // WHEN they are scored
        Scorecard card = score(RUBRIC_FILE, "no-records.yaml", NO_RECORDS);

        // THEN every item whose criteria rest on a missing record says so
        assertThat(card.findings()).extracting(f -> f.item() + " " + f.reason()).containsExactly(
                "1 事实文件应有且只有一条Recruitment记录（records.Recruitment），实有0条；本项依此记录的标准未能核查",
                "2 事实文件没有列出所辖嘎查（records.Gacha），嘎查活动场所、后备干部档案、帮代办服务站各条未能核查",
                "2 事实文件应有且只有一条Rectification记录（records.Rectification），实有0条；本项依此记录的标准未能核查",
                "3 事实文件应有且只有一条SecretaryDuty记录（records.SecretaryDuty），实有0条；本项依此记录的标准未能核查",
                "4 事实文件应有且只有一条MemberEducation记录（records.MemberEducation），实有0条；本项依此记录的标准未能核查",
                "5 事实文件应有且只有一条GraduateOfficials记录（records.GraduateOfficials），实有0条；本项依此记录的标准未能核查",
                "6 事实文件应有且只有一条Method532记录（records.Method532），实有0条；本项依此记录的标准未能核查",
                "7 事实文件应有且只有一条ServiceOrganization记录（records.ServiceOrganization），实有0条；本项依此记录的标准未能核查",
                "8 事实文件应有且只有一条StarRating记录（records.StarRating），实有0条；本项依此记录的标准未能核查",
                "9 事实文件应有且只有一条CommunityBuilding记录（records.CommunityBuilding），实有0条；本项依此记录的标准未能核查",
                "10 事实文件应有且只有一条CentralHouseholds记录（records.CentralHouseholds），实有0条；本项依此记录的标准未能核查",
                "11 事实文件应有且只有一条DeputyWork记录（records.DeputyWork），实有0条；本项依此记录的标准未能核查");
        // and the criteria that rest on the library's own facts still deduct: no plan, meeting, activity or ledger
        assertThat(item(card, "3").deductions()).extracting(d -> d.rule().substring(0, 3)).containsExactly("3.1", "3.2");
        assertThat(item(card, "4").deductions()).extracting(d -> d.rule().substring(0, 3))
                .containsExactly("4.2", "4.3", "4.5", "4.6");
    }

    @Test
    void reportsARepeatedRecordAsAFinding() {
        // GIVEN the model township with its Recruitment record given twice
        String facts = replace(text(MODEL), "    - { plan: true, procedureSound: true, dedicatedComputer: true }\n",
                "    - { plan: true, procedureSound: true, dedicatedComputer: true }\n"
                        + "    - { plan: true, procedureSound: true, dedicatedComputer: true }\n");

        // WHEN it is scored
        Scorecard card = score(RUBRIC_FILE, "repeated.yaml", facts);

        // THEN item 1 reports the repetition, citing both records
        assertThat(findings(item(card, "1"))).containsExactly(tuple("1.0 党员队伍建设的考核记录应有且只有一条",
                "事实文件应有且只有一条Recruitment记录（records.Recruitment），实有2条；本项依此记录的标准按每条记录分别计扣",
                List.of("records.Recruitment[0]", "records.Recruitment[1]")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "venueArea: 150,|venueArea: 一百五十,|records.Gacha[1].venueArea|is not a number",
            "venueArea: 150,|venueArea: -150,|records.Gacha[1].venueArea|must not be negative",
            "members: 38,|members: -3,|records.Community[1].members|must not be negative",
            "{ planSubstantive: true, gridEffective: true, distinctive: true }|{ planSubstantive: true, gridEffective: true }|records.CommunityBuilding[0]|missing field distinctive",
            "{ training: true, decisions: true }|{ training: true, decisions: true, trained: 12 }|records.Method532[0].trained|unknown field 'trained'",
            "  Method532:|  Method: |records.Method|unknown record type 'Method'",
    })
    void refusesBadInputNamingThePath(String from, String to, String path, String problem) {
        // GIVEN the model township's facts with one field broken
        String facts = replace(text(MODEL), from, to);

        // WHEN they are read
        // THEN the error names the field's path and what is wrong
        assertThatThrownBy(() -> RUBRIC_FILE.readFacts("bad.yaml", facts))
                .isInstanceOfSatisfying(FactsException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).startsWith("bad.yaml:" + e.line() + ": " + path + ": ").contains(problem);
                });
    }

    @Test
    void printsTheExemptionInTheTextScorecard() {
        // GIVEN 嵯岗镇, exempt from the rectification-materials criterion
        Scorecard card = score(RUBRIC_FILE, EXEMPT);

        // WHEN the scorecard is printed
        String text = Scorecards.toText(card);

        // THEN the exemption is shown with the townships the criterion names
        assertThat(text).contains("不扣分（评分标准注明嵯岗镇、罕达盖苏木除外）：本应没有后进嘎查党组织转化整顿相关材料，扣2分")
                .contains("总分                          96");
    }

    @Test
    void firesEveryRuleOnSomeExampleTownship() {
        // GIVEN the example townships: the two bundled ones, the failing, exempt and record-less ones of the tests
        Stream<Scorecard> cards = Stream.of(
                score(RUBRIC_FILE, MODEL), score(RUBRIC_FILE, SHORTFALLS), score(RUBRIC_FILE, FAILING),
                score(RUBRIC_FILE, EXEMPT), score(RUBRIC_FILE, "no-records.yaml", NO_RECORDS));

        // WHEN the rules that reported anything are collected
        var fired = rulesThatReported(cards);

        // THEN every rule of the rubric file is among them
        assertThat(fired).containsExactlyElementsOf(RUBRIC_FILE.ruleNames());
    }

    private static ItemScore item(Scorecard card, String id) {
        return card.item(id).orElseThrow();
    }
}
