package io.github.rubric.examples.villagepartybuilding;

import static io.github.rubric.examples.RoundFacts.as;
import static io.github.rubric.examples.RoundFacts.firedRules;
import static io.github.rubric.examples.RoundFacts.read;
import static io.github.rubric.examples.RoundFacts.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.examples.RoundFacts;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.CombinedScorecard;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RoundScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 落实基层党建工作责任制考评 for 村(居) (seed 002, second scheme): 专项督查 30% + 年终综合考评 70%. */
class VillageResponsibilityTest {
    private static final String DIR = "io/github/rubric/examples/villagepartybuilding/";
    private static final Rubric RUBRIC = Rubric.fromClasspath(DIR + "village-responsibility.drl");
    private static final String SUBJECT = """
            subject: { kind: organization, id: xfc-2024, name: 幸福村党支部, type: VILLAGE, members: 36 }
            period: 2024
            """;

    private static FactSet facts(String file) {
        return read(RUBRIC, DIR + "facts/" + file);
    }

    /** Facts of 幸福村 for a round, written out in a test. */
    private static FactSet facts(String source, String round, String yaml) {
        return RUBRIC.readFacts(source, SUBJECT + "round: " + round + "\n" + yaml);
    }

    private static List<String> lines(ItemScore item) {
        return item.deductions().stream().map(RoundFacts::line).toList();
    }

    /** An inspection that found one village listed as weak and not yet rectified: it takes 5. */
    private static FactSet weakOrganizationInspection() {
        return facts("inspection-weak.yaml", "INSPECTION", "records:\n  WeakOrganization:\n    - { rectified: false }\n");
    }

    /**
     * A year-end assessment with no records but one missed training: the year-end checks of missing records take
     * 54 and the training 1, so it scores 45; each extra {@code MASS_SERVICE} activity gives back 0.5.
     */
    private static FactSet bareAnnual(String more) {
        return facts("annual-bare.yaml", "ANNUAL", """
                activities:
                  - { kind: STUDY_TRAINING, date: 2024-05-16, title: 党员冬春训, absent: true }
                """ + more);
    }

    @Test
    void loadsWithFiveAreasAndInspectionAndAnnualWeights() {
        // THEN
        assertThat(RUBRIC.definition().sections()).extracting(s -> s.id() + " " + s.maxPoints())
                .containsExactly("leadership 20", "foundation 30", "innovation 15", "service 20", "guarantee 15");
        assertThat(RUBRIC.definition().rounds().weights()).containsExactly(
                Map.entry(Round.INSPECTION, new BigDecimal("0.3")), Map.entry(Round.ANNUAL, new BigDecimal("0.7")));
        assertThat(RUBRIC.definition().rounds().accumulate()).containsExactly(Round.INSPECTION);
        assertThat(RUBRIC.definition().rounds().bonusRound()).isEqualTo(Round.ANNUAL);
        assertThat(RUBRIC.definition().items()).allSatisfy(i -> assertThat(i.assumption()).contains("本项目的假设"));
    }

    @Test
    void aVillageMeetingEveryRequirementScores100ForTheYear() {
        // GIVEN a full-marks year-end assessment and an inspection that found nothing
        FactSet annual = facts("model-village-annual.yaml");
        FactSet inspection = with(as(annual, "inspection-clean.yaml", Round.INSPECTION), f -> true);

        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(inspection, annual));

        // THEN
        assertThat(year.rounds()).extracting(RoundScore::score).containsExactly(new BigDecimal("100"), new BigDecimal("100"));
        assertThat(year.rounds()).extracting(RoundScore::weighted).containsExactly(new BigDecimal("30"), new BigDecimal("70"));
        assertThat(year.total()).isEqualTo(new BigDecimal("100"));
        assertThat(year.passed()).isTrue();
        assertThat(year.rounds()).flatExtracting(RoundScore::scorecards).allSatisfy(c -> assertThat(c.deductions()).isEmpty());
    }

    @Test
    void anInspectionDeductsOnlyForWhatItFoundNotForYearEndRecordsItDidNotExamine() {
        // WHEN
        Scorecard first = RUBRIC.score(facts("village-inspection-1.yaml"));
        Scorecard second = RUBRIC.score(facts("village-inspection-2.yaml"));

        // THEN
        assertThat(first.deductions()).extracting(RoundFacts::line).containsExactly(
                "2|发展党员材料不齐全、程序不规范，扣2分|documents[0]",
                "2|党员未足额缴纳党费1笔，扣2分|duesPayments[1]",
                "1|第1季度党费于2024-04-08上交，晚于2024-03-31，扣1分|duesRemittances[0]");
        assertThat(first.total()).isEqualTo(new BigDecimal("95"));
        assertThat(second.deductions()).extracting(RoundFacts::line).containsExactly(
                "8|未推行党员积分制管理，不得分|records.MemberPointsScheme[0]",
                "1|群众诉求“危房改造申请”未按期办结，扣1分|records.ServiceRequest[0]",
                "1.25|“四项保障”缺1项（活动阵地），扣1.25分|records.Guarantees[0]");
        assertThat(second.total()).isEqualTo(new BigDecimal("89.75"));
    }

    static Stream<Arguments> annualItems() {
        return Stream.of(
                Arguments.of("1.1", "5", List.of("1|党建工作总结内容不完整（未总结问题整改情况），扣1分|documents[1]")),
                Arguments.of("1.2", "4", List.of("2|未参加述职评议或镇党委党建工作会议1次，扣2分|activities[0]")),
                Arguments.of("1.3", "6", List.of("2|检查发现的问题未按期整改1项，扣2分|tasks[1]")),
                Arguments.of("2.1", "5", List.of(
                        "1|全年召开党员大会3次，要求不少于4次，扣1分|meetings[0],meetings[1],meetings[2]",
                        "1|全年召开支委会10次，要求不少于12次，扣1分|meetings[3],meetings[4],meetings[5],meetings[6],"
                                + "meetings[7],meetings[8],meetings[9],meetings[10],meetings[11],meetings[12]",
                        "1|三会一课记录不规范或作假（1次会议），扣1分|meetings[6]")),
                Arguments.of("2.2", "3", List.of("2|党务、村务公开不及时、不完整（三季度财务未公开），扣2分|documents[2]")),
                Arguments.of("2.3", "0", List.of("5|被确定为软弱涣散党组织，未按期整顿转化，扣5分|records.WeakOrganization[0]")),
                Arguments.of("2.4", "4", List.of("1|未参加镇党委组织的学习教育培训1次，扣1分|activities[2]",
                        "1|党员管理（组织关系排查、流动党员管理）记录不完整，扣1分|documents[4]")),
                Arguments.of("2.5", "4", List.of("1|第1季度党费于2024-04-08上交，晚于2024-03-31，扣1分|duesRemittances[0]",
                        "1|第3季度党费于2024-10-09上交，晚于2024-09-30，扣1分|duesRemittances[2]")),
                Arguments.of("3.1", "5", List.of("3|党员积分台账不完整，扣3分|records.MemberPointsScheme[0]")),
                Arguments.of("3.2", "5", List.of(
                        "1|全年组织工青妇活动3次，要求不少于4次，扣1分|activities[3],activities[4],activities[5]",
                        "1|未参加上级工青妇组织的活动1次，扣1分|activities[6]")),
                Arguments.of("4.1", "8", List.of(
                        "1|全年开展“民生110”等联系服务群众活动10次，要求不少于12次，扣1分|activities[7],activities[8],"
                                + "activities[9],activities[10],activities[11],activities[12],activities[13],"
                                + "activities[14],activities[15],activities[16]",
                        "1|群众诉求“危房改造申请”未按期办结，扣1分|records.ServiceRequest[1]")),
                Arguments.of("4.2", "8", List.of("2|群众投诉经查实1件，扣2分|complaints[0]")),
                Arguments.of("5.1", "2.5", List.of("2.5|“四项保障”缺2项（活动阵地、服务群众专项经费），扣2.5分|records.Guarantees[0]")),
                Arguments.of("5.2", "4", List.of("6|村集体经济年收入4.2万元，低于5万元，扣6分|records.CollectiveEconomy[0]")));
    }

    @ParameterizedTest(name = "item {0} scores {1}")
    @MethodSource("annualItems")
    void theYearEndAssessmentFindsShortfallsInEveryItem(String item, String score, List<String> deductions) {
        // WHEN
        Scorecard card = RUBRIC.score(facts("village-annual.yaml"));

        // THEN
        ItemScore scored = card.item(item).orElseThrow();
        assertThat(scored.score()).isEqualTo(new BigDecimal(score));
        assertThat(lines(scored)).containsExactlyElementsOf(deductions);
    }

    @Test
    void theYearEndAssessmentTotalsTheItems() {
        // WHEN
        Scorecard card = RUBRIC.score(facts("village-annual.yaml"));

        // THEN
        assertThat(card.sections()).extracting(s -> s.score().toPlainString()).containsExactly("15", "16", "10", "16", "6.5");
        assertThat(card.sectionTotal()).isEqualTo(new BigDecimal("63.5"));
    }

    @Test
    void theYearIsThirtyPercentInspectionsWithTheirDeductionsAddedUpAndSeventyPercentYearEnd() {
        // GIVEN two inspections (−5 and −10.25) and the year-end assessment (63.5)
        List<FactSet> rounds = List.of(facts("village-inspection-1.yaml"), facts("village-inspection-2.yaml"),
                facts("village-annual.yaml"));

        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(rounds);

        // THEN 0.3 × (100 − 15.25) + 0.7 × 63.5 = 25.425 + 44.45 = 69.875 → 69.88
        RoundScore inspections = year.round("INSPECTION").orElseThrow();
        assertThat(inspections.deducted()).isEqualTo(new BigDecimal("15.25"));
        assertThat(inspections.score()).isEqualTo(new BigDecimal("84.75"));
        assertThat(inspections.weighted()).isEqualTo(new BigDecimal("25.425"));
        assertThat(inspections.note()).isEqualTo("2次专项督查共扣15.25分（village-inspection-1.yaml扣5分，"
                + "village-inspection-2.yaml扣10.25分），100−15.25=84.75分");
        RoundScore annual = year.round("ANNUAL").orElseThrow();
        assertThat(annual.score()).isEqualTo(new BigDecimal("63.5"));
        assertThat(annual.weighted()).isEqualTo(new BigDecimal("44.45"));
        assertThat(year.weightedTotal()).isEqualTo(new BigDecimal("69.88"));
    }

    @Test
    void countsTheHighestAwardPerAchievementAndAddsAchievementsUpOnTheYearsTotal() {
        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(facts("village-inspection-1.yaml"),
                facts("village-inspection-2.yaml"), facts("village-annual.yaml")));

        // THEN 镇 (1) and 县级市 (2) for one achievement count 2 (就高不就低); the 市 media report adds 4
        assertThat(year.bonuses()).extracting(b -> b.reason() + " → " + b.counted() + (b.note().isEmpty() ? "" : "：" + b.note()))
                .containsExactly(
                        "「县级市先进基层党组织」（县级），加2分 → 2",
                        "「镇先进基层党组织」（镇级），加1分 → 0：同一事项获多次奖励的只按最高一次加分（就高不就低）",
                        "「经验做法被市级媒体刊发」（市级），加4分 → 4");
        assertThat(year.bonusTotal()).isEqualTo(new BigDecimal("6"));
        assertThat(year.total()).isEqualTo(new BigDecimal("75.88"));
        assertThat(year.passed()).isTrue();
    }

    @Test
    void capsTheBonusAtTen() {
        // GIVEN a full-marks year with a provincial (6), a municipal (4) and a county (2) award for three achievements
        FactSet annual = facts("annual-awarded.yaml", "ANNUAL", """
                awards:
                  - { level: PROVINCIAL, achievement: 先进基层党组织, title: 省先进基层党组织, date: 2024-06-28 }
                  - { level: MUNICIPAL, achievement: 党员积分制管理经验, title: 市委组织部发文推广, date: 2024-08-01 }
                  - { level: COUNTY, achievement: “民生110”经验, title: 县级市媒体刊发, date: 2024-09-01 }
                """);
        FactSet model = facts("model-village-annual.yaml");
        annual = with(model, f -> false, annual.facts().toArray());
        FactSet inspection = with(as(model, "inspection-clean.yaml", Round.INSPECTION), f -> true);

        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(inspection, annual));

        // THEN
        assertThat(year.bonuses()).extracting(b -> b.achievement() + " " + b.points() + " → " + b.counted() + " " + b.note())
                .containsExactlyInAnyOrder("先进基层党组织 6 → 6 ", "党员积分制管理经验 4 → 4 ",
                        "“民生110”经验 2 → 0 奖励加分总分最高不超过10分");
        assertThat(year.bonusTotal()).isEqualTo(new BigDecimal("10"));
        assertThat(year.total()).isEqualTo(new BigDecimal("110"));
    }

    @Test
    void aYearOfExactlySixtyEarnsItsBonusAndPasses() {
        // GIVEN inspections taking 5 in all and a year-end assessment of 45, with a county award
        FactSet annual = bareAnnual("""
                awards:
                  - { level: COUNTY, achievement: 先进基层党组织, title: 县级市先进基层党组织, date: 2024-06-28 }
                """);

        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(weakOrganizationInspection(), annual));

        // THEN 0.3 × 95 + 0.7 × 45 = 28.5 + 31.5 = 60
        assertThat(year.round("ANNUAL").orElseThrow().score()).isEqualTo(new BigDecimal("45"));
        assertThat(year.weightedTotal()).isEqualTo(new BigDecimal("60"));
        assertThat(year.bonusTotal()).isEqualTo(new BigDecimal("2"));
        assertThat(year.total()).isEqualTo(new BigDecimal("62"));
        assertThat(year.passed()).isTrue();
    }

    @Test
    void aYearJustUnderSixtyEarnsNoBonusAndFails() {
        // GIVEN inspections taking 6.25 in all and a year-end assessment of 45.5, with the same award
        FactSet guarantees = facts("inspection-guarantees.yaml", "INSPECTION", """
                records:
                  Guarantees:
                    - { operatingFunds: true, venue: true, cadrePay: false, serviceFunds: true }
                """);
        FactSet annual = bareAnnual("""
                  - { kind: MASS_SERVICE, date: 2024-06-15, title: “我与百姓拉家常” }
                awards:
                  - { level: COUNTY, achievement: 先进基层党组织, title: 县级市先进基层党组织, date: 2024-06-28 }
                """);

        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(weakOrganizationInspection(), guarantees, annual));

        // THEN 0.3 × 93.75 + 0.7 × 45.5 = 28.125 + 31.85 = 59.975 → 59.98: under 60, although the year-end round
        // alone would not matter: the threshold is on the year's total
        assertThat(year.round("INSPECTION").orElseThrow().score()).isEqualTo(new BigDecimal("93.75"));
        assertThat(year.round("ANNUAL").orElseThrow().score()).isEqualTo(new BigDecimal("45.5"));
        assertThat(year.weightedTotal()).isEqualTo(new BigDecimal("59.98"));
        assertThat(year.bonuses()).singleElement().satisfies(b -> {
            assertThat(b.counted()).isEqualTo(BigDecimal.ZERO);
            assertThat(b.note()).isEqualTo("总分59.98分，低于60分，不予加分");
        });
        assertThat(year.total()).isEqualTo(new BigDecimal("59.98"));
        assertThat(year.passed()).isFalse();
    }

    @Test
    void theYearEndChecksTakeWhatTheRecordsDoNotShow() {
        // WHEN
        Scorecard card = RUBRIC.score(bareAnnual(""));

        // THEN
        assertThat(card.deductions()).extracting(Deduction::reason).containsExactly(
                "无年度党建工作总结，扣3分", "无年度党建工作计划，扣3分",
                "全年召开党员大会0次，要求不少于4次，扣4分", "全年召开支委会0次，要求不少于12次，扣6分",
                "全年上党课0次，要求不少于4次，扣4分",
                "未实行党务、村务公开，扣3分",
                "未参加镇党委组织的学习教育培训1次，扣1分",
                "第1季度党费未上交镇党委，扣1分", "第2季度党费未上交镇党委，扣1分", "第3季度党费未上交镇党委，扣1分",
                "第4季度党费未上交镇党委，扣1分",
                "无党员积分制管理推行记录，不得分",
                "全年组织工青妇活动0次，要求不少于4次，扣4分",
                "全年开展“民生110”等联系服务群众活动0次，要求不少于12次，扣6分",
                "无“四项保障”落实情况记录，扣5分",
                "无村集体经济收入情况记录，不得分");
        assertThat(card.item("2.1").orElseThrow().note()).isEqualTo("扣分合计14分，超过本项8分，扣完为止，得0分");
        assertThat(card.total()).isEqualTo(new BigDecimal("45"));
    }

    @ParameterizedTest(name = "income {0}, last year {1}: {2}")
    @CsvSource({
            "6.2, 5.8, 10",
            "5,   4.0, 10",
            "4.99, 4.2, 4",
            "6.0, 6.0, 6",
            "4.6, 4.8, 0"})
    void collectiveIncomeMustReachFiveAndGrow(String income, String previous, String score) {
        // GIVEN
        FactSet economy = facts("annual-economy.yaml", "ANNUAL",
                "records:\n  CollectiveEconomy:\n    - { income: " + income + ", previousIncome: " + previous + " }\n");
        FactSet annual = with(facts("model-village-annual.yaml"), f -> f.getClass().getSimpleName().equals("CollectiveEconomy"),
                economy.facts().toArray());

        // WHEN
        ItemScore item = RUBRIC.score(annual).item("5.2").orElseThrow();

        // THEN
        assertThat(item.score()).isEqualTo(new BigDecimal(score));
    }

    @Test
    void rejectsASelfAssessmentWhichThisRubricDoesNotCombine() {
        // GIVEN
        FactSet self = as(facts("village-annual.yaml"), "self.yaml", Round.SELF);

        // WHEN / THEN
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(facts("village-inspection-1.yaml"), self)))
                .isInstanceOf(FactsException.class)
                .hasMessage("self.yaml: round: round SELF (自查) is not one this rubric combines; expected one of:"
                        + " INSPECTION (专项督查) 30%, ANNUAL (年终综合考评) 70%");
    }

    @Test
    void rejectsASecondYearEndAssessment() {
        // GIVEN
        FactSet again = as(facts("village-annual.yaml"), "village-annual-again.yaml", Round.ANNUAL);

        // WHEN / THEN
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(facts("village-annual.yaml"), again)))
                .isInstanceOf(FactsException.class)
                .hasMessage("village-annual-again.yaml: round: round ANNUAL (年终综合考评) is also given by"
                        + " village-annual.yaml; this rubric takes one ANNUAL assessment (only [INSPECTION] may be"
                        + " given several times)");
    }

    @Test
    void rejectsAnInspectionOfAnotherVillage() {
        // GIVEN
        FactSet other = RUBRIC.readFacts("other-village.yaml", """
                subject: { kind: organization, id: hpc-2024, name: 和平村党支部, type: VILLAGE, members: 28 }
                period: 2024
                round: INSPECTION
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(facts("village-annual.yaml"), other)))
                .isInstanceOf(FactsException.class)
                .hasMessage("other-village.yaml: subject: is 和平村党支部 (organization hpc-2024), but village-annual.yaml"
                        + " is for 幸福村党支部 (organization xfc-2024); every round must be for the same subject");
    }

    @Test
    void rejectsAYearWithoutAnyInspection() {
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(facts("village-annual.yaml"))))
                .isInstanceOf(FactsException.class)
                .hasMessage("village-annual.yaml: round: no facts for round INSPECTION (专项督查); the rubric combines"
                        + " INSPECTION (专项督查) 30%, ANNUAL (年终综合考评) 70%");
    }

    @Test
    void everyRuleFiresInSomeExample() {
        // GIVEN
        FactSet shrinking = facts("annual-economy.yaml", "ANNUAL",
                "records:\n  CollectiveEconomy:\n    - { income: 6.0, previousIncome: 6.5 }\n");

        // WHEN
        var fired = firedRules(RUBRIC.score(facts("village-inspection-1.yaml")),
                RUBRIC.score(facts("village-inspection-2.yaml")), RUBRIC.score(facts("village-annual.yaml")),
                RUBRIC.score(bareAnnual("")), RUBRIC.score(shrinking));

        // THEN
        assertThat(fired).containsExactlyInAnyOrderElementsOf(RUBRIC.ruleNames());
    }
}
