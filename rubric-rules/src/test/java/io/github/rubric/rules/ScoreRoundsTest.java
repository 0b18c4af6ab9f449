package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.CombinedScorecard;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.ItemComparison;
import io.github.rubric.model.result.RoundScore;
import io.github.rubric.model.result.Scorecard;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreRoundsTest {
    private static final String RULES = """
            package test;
            import java.util.List;
            import io.github.rubric.model.fact.*;
            global io.github.rubric.rules.Scoring score;

            rule "1 全年召开党员大会不少于4次，每少1次扣1.25分"
                @item("1")
            when
                $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                score.shortfall(4, $held, "1.25", "全年召开党员大会{actual}次，要求不少于{required}次，扣{points}分");
            end

            rule "2 党建信息未被采用的每篇扣0.5分"
                @item("2")
            when
                $s : Submission( kind == SubmissionKind.INFORMATION_REPORT, !accepted )
            then
                score.deduct("0.5", "党建信息未被采用，扣{points}分");
            end

            rule "2 发生重大安全事故的一票否决"
                @item("2")
            when
                Incident( severity == IncidentSeverity.MAJOR )
            then
                score.failAssessment("发生重大安全事故，一票否决");
            end

            rule "加分 获得表彰的加2分"
                @bonus
            when
                $a : Award()
            then
                score.bonus($a.achievement(), "2", "获得「" + $a.title() + "」，加{points}分");
            end
            """;

    private static Rubric rubric(String rounds) {
        return Rubric.fromString("rounds.drl", """
                /*---
                id: rounds-test
                title: 轮次测试细则
                version: "1"
                totalPoints: 10
                passLine: 6
                gradeBands: [ { name: 好, min: 9 }, { name: 中, min: 6 }, { name: 差, min: 0 } ]
                bonus: { cap: 3, minimumTotal: 6 }
                %s
                sections:
                  - id: s
                    title: 全部
                    maxPoints: 10
                    items:
                      - { id: "1", title: 会议, maxPoints: 6 }
                      - { id: "2", title: 信息, maxPoints: 4 }
                ---*/
                """.formatted(rounds) + RULES);
    }

    static final Rubric SELF_REVIEW = rubric("rounds: { combine: weighted, weights: { SELF: 0.3, REVIEW: 0.7 } }");
    static final Rubric INSPECTIONS = rubric("""
            rounds:
              combine: weighted
              weights: { INSPECTION: 0.3, ANNUAL: 0.7 }
              accumulate: [INSPECTION]
              bonusRound: ANNUAL""");

    /** Facts for branch b1 in 2024: {@code meetings} general meetings, {@code rejected} rejected reports. */
    static FactSet facts(Rubric rubric, String source, String round, int meetings, int rejected, String more) {
        StringBuilder yaml = new StringBuilder("""
                subject: { id: b1, name: 第一支部, type: PARTY_BRANCH }
                period: 2024
                round: %s
                meetings:
                """.formatted(round));
        for (int m = 0; m < meetings; m++) {
            yaml.append("  - { type: GENERAL_MEETING, date: 2024-0").append(m + 1).append("-10 }\n");
        }
        if (meetings == 0) {
            yaml.append("  []\n");
        }
        yaml.append("submissions:\n");
        for (int r = 0; r < rejected; r++) {
            yaml.append("  - { kind: INFORMATION_REPORT, date: 2024-05-0").append(r + 1).append(", accepted: false }\n");
        }
        if (rejected == 0) {
            yaml.append("  []\n");
        }
        yaml.append(more);
        return rubric.readFacts(source, yaml.toString());
    }

    @Test
    void weightsTheRoundsAndRoundsTheSumOnceHalfUp() {
        // GIVEN the self-assessment misses one general meeting (8.75) and the review finds nothing (10)
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 3, 0, "");
        FactSet review = facts(SELF_REVIEW, "review.yaml", "REVIEW", 4, 0, "");

        // WHEN
        CombinedScorecard combined = SELF_REVIEW.scoreRounds(List.of(review, self));

        // THEN 0.3 × 8.75 + 0.7 × 10 = 9.625, rounded half up (half even would give 9.62)
        assertThat(combined.rounds()).extracting(RoundScore::round).containsExactly("SELF", "REVIEW");
        RoundScore selfPart = combined.round("SELF").orElseThrow();
        assertThat(selfPart.weight()).isEqualByComparingTo("0.3");
        assertThat(selfPart.score()).isEqualTo(new BigDecimal("8.75"));
        assertThat(selfPart.weighted()).isEqualTo(new BigDecimal("2.625"));
        assertThat(selfPart.deducted()).isEqualTo(new BigDecimal("1.25"));
        assertThat(combined.round("REVIEW").orElseThrow().weighted()).isEqualTo(new BigDecimal("7"));
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal("9.63"));
        assertThat(combined.total()).isEqualTo(new BigDecimal("9.63"));
        assertThat(combined.passed()).isTrue();
        assertThat(combined.grade()).isEqualTo("好");
        assertThat(combined.subject().id()).isEqualTo("b1");
    }

    @Test
    void gradesAndPassesOnTheCombinedTotalNotOnEitherRound() {
        // GIVEN the review alone would pass (6.25) but the self-assessment admits more (5)
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 0, 0, "");
        FactSet review = facts(SELF_REVIEW, "review.yaml", "REVIEW", 1, 0, "");

        // WHEN
        CombinedScorecard combined = SELF_REVIEW.scoreRounds(List.of(self, review));

        // THEN 0.3 × 5 + 0.7 × 6.25 = 1.5 + 4.375 = 5.875 → 5.88
        assertThat(combined.round("REVIEW").orElseThrow().scorecards().get(0).passed()).isTrue();
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal("5.88"));
        assertThat(combined.passed()).isFalse();
        assertThat(combined.grade()).isEqualTo("差");
    }

    @Test
    void comparesTheSelfAssessmentWithTheReviewItemByItem() {
        // GIVEN the self-assessment reports 3 meetings and no rejected report; the review counts 2 and finds one
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 3, 0, "");
        FactSet review = facts(SELF_REVIEW, "review.yaml", "REVIEW", 2, 1, "");

        // WHEN
        CombinedScorecard combined = SELF_REVIEW.scoreRounds(List.of(self, review));

        // THEN
        ItemComparison meetings = combined.compared("1").orElseThrow();
        assertThat(meetings.selfScore()).isEqualTo(new BigDecimal("4.75"));
        assertThat(meetings.reviewScore()).isEqualTo(new BigDecimal("3.5"));
        assertThat(meetings.difference()).isEqualTo(new BigDecimal("-1.25"));
        assertThat(meetings.selfOnly()).extracting(Deduction::reason)
                .containsExactly("全年召开党员大会3次，要求不少于4次，扣1.25分");
        assertThat(meetings.reviewOnly()).extracting(Deduction::reason)
                .containsExactly("全年召开党员大会2次，要求不少于4次，扣2.5分");
        assertThat(meetings.reviewOnly().get(0).evidence()).extracting(e -> e.id())
                .containsExactly("meetings[0]", "meetings[1]");
        ItemComparison reports = combined.compared("2").orElseThrow();
        assertThat(reports.difference()).isEqualTo(new BigDecimal("-0.5"));
        assertThat(reports.selfOnly()).isEmpty();
        assertThat(reports.reviewOnly()).extracting(Deduction::points).containsExactly(new BigDecimal("0.5"));
        assertThat(reports.differs()).isTrue();
    }

    @Test
    void deductionsMadeOnBothSidesDoNotExplainADifference() {
        // GIVEN both sides find the same rejected report and the same three meetings
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 3, 1, "");
        FactSet review = facts(SELF_REVIEW, "review.yaml", "REVIEW", 3, 1, "");

        // WHEN
        CombinedScorecard combined = SELF_REVIEW.scoreRounds(List.of(self, review));

        // THEN
        assertThat(combined.comparison()).noneMatch(ItemComparison::differs);
        assertThat(combined.comparison()).extracting(ItemComparison::item).containsExactly("1", "2");
    }

    @Test
    void addsUpTheDeductionsOfEveryInspectionAgainstTheTotal() {
        // GIVEN two inspections take 1.25 and 2.5 (and 0.5); the annual assessment scores 9.5
        FactSet first = facts(INSPECTIONS, "inspection-1.yaml", "INSPECTION", 3, 0, "");
        FactSet second = facts(INSPECTIONS, "inspection-2.yaml", "INSPECTION", 2, 1, "");
        FactSet annual = facts(INSPECTIONS, "annual.yaml", "ANNUAL", 4, 1, "");

        // WHEN
        CombinedScorecard combined = INSPECTIONS.scoreRounds(List.of(first, annual, second));

        // THEN inspections: 10 − (1.25 + 3) = 5.75; 0.3 × 5.75 + 0.7 × 9.5 = 1.725 + 6.65 = 8.375 → 8.38
        RoundScore inspections = combined.round("INSPECTION").orElseThrow();
        assertThat(inspections.scorecards()).extracting(Scorecard::source)
                .containsExactly("inspection-1.yaml", "inspection-2.yaml");
        assertThat(inspections.deducted()).isEqualTo(new BigDecimal("4.25"));
        assertThat(inspections.score()).isEqualTo(new BigDecimal("5.75"));
        assertThat(inspections.weighted()).isEqualTo(new BigDecimal("1.725"));
        assertThat(inspections.note()).isEqualTo(
                "2次专项督查共扣4.25分（inspection-1.yaml扣1.25分，inspection-2.yaml扣3分），10−4.25=5.75分");
        assertThat(combined.round("ANNUAL").orElseThrow().score()).isEqualTo(new BigDecimal("9.5"));
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal("8.38"));
        assertThat(combined.comparison()).isEmpty();
    }

    @Test
    void floorsTheAccumulatedInspectionsAtZero() {
        // GIVEN two inspections that each lose 6 (no meeting: 5, two rejected reports: 1)
        FactSet a = facts(INSPECTIONS, "a.yaml", "INSPECTION", 0, 2, "");
        FactSet b = facts(INSPECTIONS, "b.yaml", "INSPECTION", 0, 2, "");
        FactSet annual = facts(INSPECTIONS, "annual.yaml", "ANNUAL", 4, 0, "");

        // WHEN
        CombinedScorecard combined = INSPECTIONS.scoreRounds(List.of(a, b, annual));

        // THEN each inspection scores 1 + 3 = 4; 10 − (6 + 6) is floored at 0
        RoundScore inspections = combined.round("INSPECTION").orElseThrow();
        assertThat(inspections.deducted()).isEqualTo(new BigDecimal("12"));
        assertThat(inspections.score()).isEqualTo(BigDecimal.ZERO);
        assertThat(inspections.note()).endsWith("10−12=-2，扣完为止，得0分");
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void countsTheBonusRoundsBonusesOnceOnTheCombinedTotalUpToTheCap() {
        // GIVEN the annual facts hold two awards for one achievement and two for others (2 + 2 + 2, cap 3)
        String awards = """
                awards:
                  - { level: COUNTY, achievement: 先进党组织, title: 县级先进, date: 2024-06-01 }
                  - { level: MUNICIPAL, achievement: 先进党组织, title: 市级先进, date: 2024-07-01 }
                  - { level: COUNTY, achievement: 经验推广, title: 经验推广, date: 2024-08-01 }
                  - { level: COUNTY, achievement: 媒体报道, title: 媒体报道, date: 2024-09-01 }
                """;
        FactSet inspection = facts(INSPECTIONS, "inspection.yaml", "INSPECTION", 4, 0, awards);
        FactSet annual = facts(INSPECTIONS, "annual.yaml", "ANNUAL", 3, 0, awards);

        // WHEN
        CombinedScorecard combined = INSPECTIONS.scoreRounds(List.of(inspection, annual));

        // THEN 0.3 × 10 + 0.7 × 8.75 = 9.125 → 9.13, plus bonus capped at 3; only the annual round's claims count
        assertThat(combined.round("ANNUAL").orElseThrow().score()).isEqualTo(new BigDecimal("8.75"));
        assertThat(combined.round("ANNUAL").orElseThrow().note()).isEqualTo("本轮加分3分不计入本轮得分，在加权合计后按规定计入");
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal("9.13"));
        assertThat(combined.bonuses()).hasSize(4);
        assertThat(combined.bonuses()).extracting(Bonus::counted).map(BigDecimal::toPlainString)
                .containsExactlyInAnyOrder("2", "1", "0", "0");
        assertThat(combined.bonusTotal()).isEqualTo(new BigDecimal("3"));
        assertThat(combined.total()).isEqualTo(new BigDecimal("12.13"));
    }

    @Test
    void givesNoBonusWhenTheCombinedTotalIsUnderTheThresholdThoughTheBonusRoundIsNot() {
        // GIVEN inspections that lose 5 and 5, an annual round of 7.5 with an award
        String award = "awards:\n  - { level: COUNTY, achievement: 先进党组织, title: 县级先进, date: 2024-06-01 }\n";
        FactSet a = facts(INSPECTIONS, "a.yaml", "INSPECTION", 0, 0, "");
        FactSet b = facts(INSPECTIONS, "b.yaml", "INSPECTION", 0, 0, "");
        FactSet annual = facts(INSPECTIONS, "annual.yaml", "ANNUAL", 2, 0, award);

        // WHEN
        CombinedScorecard combined = INSPECTIONS.scoreRounds(List.of(a, b, annual));

        // THEN 0.3 × 0 + 0.7 × 7.5 = 5.25 < 6: the annual scorecard counts its bonus, the year does not
        assertThat(combined.round("ANNUAL").orElseThrow().scorecards().get(0).bonusTotal()).isEqualTo(new BigDecimal("2"));
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal("5.25"));
        assertThat(combined.bonusTotal()).isEqualTo(BigDecimal.ZERO);
        assertThat(combined.bonuses()).singleElement().satisfies(bonus -> {
            assertThat(bonus.counted()).isEqualTo(BigDecimal.ZERO);
            assertThat(bonus.note()).isEqualTo("总分5.25分，低于6分，不予加分");
        });
        assertThat(combined.passed()).isFalse();
    }

    @Test
    void weightsEachRoundsOwnTotalWhenTheRubricNamesNoBonusRound() {
        // GIVEN a self-assessment of 10 + 2 bonus and a review of 8.75
        String award = "awards:\n  - { level: COUNTY, achievement: 先进党组织, title: 县级先进, date: 2024-06-01 }\n";
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 4, 0, award);
        FactSet review = facts(SELF_REVIEW, "review.yaml", "REVIEW", 3, 0, "");

        // WHEN
        CombinedScorecard combined = SELF_REVIEW.scoreRounds(List.of(self, review));

        // THEN 0.3 × 12 + 0.7 × 8.75 = 3.6 + 6.125 = 9.725 → 9.73
        assertThat(combined.round("SELF").orElseThrow().score()).isEqualTo(new BigDecimal("12"));
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal("9.73"));
        assertThat(combined.bonuses()).isEmpty();
        assertThat(combined.total()).isEqualTo(new BigDecimal("9.73"));
    }

    @Test
    void failsTheYearWhenAnyRoundIsVetoed() {
        // GIVEN a full-marks self-assessment and a review that finds a major incident
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 4, 0, "");
        FactSet review = facts(SELF_REVIEW, "review.yaml", "REVIEW", 4, 0,
                "incidents:\n  - { date: 2024-03-03, kind: SAFETY, severity: MAJOR, summary: 火灾 }\n");

        // WHEN
        CombinedScorecard combined = SELF_REVIEW.scoreRounds(List.of(self, review));

        // THEN
        assertThat(combined.total()).isEqualTo(new BigDecimal("10"));
        assertThat(combined.vetoes()).singleElement().satisfies(v -> assertThat(v.reason()).isEqualTo("发生重大安全事故，一票否决"));
        assertThat(combined.passed()).isFalse();
        assertThat(combined.grade()).isEqualTo("差");
    }

    private static final Rubric JUDGED = Rubric.fromString("judged.drl", """
            /*---
            id: judged
            title: 酌情评分的轮次
            version: "1"
            totalPoints: 100
            passLine: 60
            bonus: { cap: 10, minimumTotal: 60 }
            rounds: { combine: weighted, weights: { SELF: 0.3, REVIEW: 0.7 }, bonusRound: REVIEW }
            sections:
              - id: s
                title: 全部
                maxPoints: 100
                items:
                  - { id: "1", title: 综合, maxPoints: 100, discretionary: true }
            ---*/
            package test;
            import io.github.rubric.model.fact.*;
            global io.github.rubric.rules.Scoring score;

            rule "加分 获得表彰的加2分"
                @bonus
            when
                $a : Award()
            then
                score.bonus($a.achievement(), "2", "获得「" + $a.title() + "」，加{points}分");
            end
            """);

    @ParameterizedTest(name = "self {0}, review {1}: {2}")
    @CsvSource({
            "60,    60, 60,    2, true",
            "59.99, 59.99, 59.99, 0, false",
            "59.97, 60, 59.99, 0, false",
            "59.99, 60, 60,    2, true"})
    void theBonusThresholdAndPassLineApplyToTheRoundedCombinedTotal(String self, String review, String weighted,
                                                                     String bonus, boolean passed) {
        // GIVEN an assessor's points in each round and an award in the review
        String award = "awards:\n  - { level: COUNTY, achievement: 先进, title: 县级先进, date: 2024-06-01 }\n";
        FactSet selfFacts = JUDGED.readFacts("self.yaml", "subject: { id: b1, name: 第一支部, type: PARTY_BRANCH }\n"
                + "period: 2024\nround: SELF\njudgements:\n  - { item: \"1\", points: " + self + " }\n");
        FactSet reviewFacts = JUDGED.readFacts("review.yaml", "subject: { id: b1, name: 第一支部, type: PARTY_BRANCH }\n"
                + "period: 2024\nround: REVIEW\njudgements:\n  - { item: \"1\", points: " + review + " }\n" + award);

        // WHEN
        CombinedScorecard combined = JUDGED.scoreRounds(List.of(selfFacts, reviewFacts));

        // THEN
        assertThat(combined.weightedTotal()).isEqualTo(new BigDecimal(weighted));
        assertThat(combined.bonusTotal()).isEqualTo(new BigDecimal(bonus));
        assertThat(combined.total()).isEqualTo(new BigDecimal(weighted).add(new BigDecimal(bonus)));
        assertThat(combined.passed()).isEqualTo(passed);
    }

    @Test
    void comparesTheAssessorsPointsOfAJudgedItem() {
        // GIVEN
        FactSet selfFacts = JUDGED.readFacts("self.yaml", "subject: { id: b1, name: 第一支部, type: PARTY_BRANCH }\n"
                + "period: 2024\nround: SELF\njudgements:\n  - { item: \"1\", points: 95 }\n");
        FactSet reviewFacts = JUDGED.readFacts("review.yaml", "subject: { id: b1, name: 第一支部, type: PARTY_BRANCH }\n"
                + "period: 2024\nround: REVIEW\njudgements:\n  - { item: \"1\", points: 88, note: 台账不全 }\n");

        // WHEN
        ItemComparison item = JUDGED.scoreRounds(List.of(selfFacts, reviewFacts)).compared("1").orElseThrow();

        // THEN
        assertThat(item.difference()).isEqualTo(new BigDecimal("-7"));
        assertThat(item.note()).isEqualTo("自查酌情评分95分；复查酌情评分88分：台账不全");
        assertThat(item.differs()).isTrue();
    }

    @Test
    void rulesCanTellTheRoundTheyScore() {
        // GIVEN a rubric whose meeting count is checked only in the annual assessment
        Rubric rubric = Rubric.fromString("annual-only.drl", """
                /*---
                id: annual-only
                title: 年终才查会议
                version: "1"
                totalPoints: 10
                rounds: { combine: weighted, weights: { INSPECTION: 0.3, ANNUAL: 0.7 }, accumulate: [INSPECTION] }
                sections:
                  - id: s
                    title: 全部
                    maxPoints: 10
                    items:
                      - { id: "1", title: 会议, maxPoints: 10 }
                ---*/
                package test;
                import java.util.List;
                import io.github.rubric.model.fact.*;
                global io.github.rubric.rules.Scoring score;

                rule "1 全年召开党员大会不少于4次（年终综合考评查），每少1次扣1分"
                    @item("1")
                when
                    Round( this == Round.ANNUAL )
                    $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
                then
                    score.shortfall(4, $held, "1", "全年召开党员大会{actual}次，扣{points}分");
                end
                """);
        FactSet inspection = facts(rubric, "inspection.yaml", "INSPECTION", 0, 0, "");
        FactSet annual = facts(rubric, "annual.yaml", "ANNUAL", 1, 0, "");

        // WHEN
        CombinedScorecard combined = rubric.scoreRounds(List.of(inspection, annual));

        // THEN
        assertThat(combined.round("INSPECTION").orElseThrow().score()).isEqualTo(new BigDecimal("10"));
        assertThat(combined.round("ANNUAL").orElseThrow().score()).isEqualTo(new BigDecimal("7"));
        assertThat(combined.round("ANNUAL").orElseThrow().scorecards().get(0).deductions()).singleElement()
                .satisfies(d -> assertThat(d.evidence()).extracting(e -> e.id()).containsExactly("meetings[0]"));
    }

    @Test
    void rejectsAFactSetForARoundTheRubricDoesNotCombine() {
        // GIVEN
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 4, 0, "");
        FactSet annual = facts(SELF_REVIEW, "annual.yaml", "ANNUAL", 4, 0, "");

        // WHEN / THEN
        assertThatThrownBy(() -> SELF_REVIEW.scoreRounds(List.of(self, annual)))
                .isInstanceOf(FactsException.class)
                .hasMessage("annual.yaml: round: round ANNUAL (年终综合考评) is not one this rubric combines;"
                        + " expected one of: SELF (自查) 30%, REVIEW (复查) 70%")
                .satisfies(e -> assertThat(((FactsException) e).path()).isEqualTo("round"));
    }

    @Test
    void rejectsAFactSetForAnotherSubject() {
        // GIVEN
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 4, 0, "");
        FactSet other = SELF_REVIEW.readFacts("other.yaml", """
                subject: { id: b2, name: 第二支部, type: PARTY_BRANCH }
                period: 2024
                round: REVIEW
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> SELF_REVIEW.scoreRounds(List.of(self, other)))
                .isInstanceOf(FactsException.class)
                .hasMessage("other.yaml: subject: is 第二支部 (organization b2), but self.yaml is for 第一支部"
                        + " (organization b1); every round must be for the same subject");
    }

    @Test
    void rejectsAFactSetForAnotherPeriod() {
        // GIVEN
        FactSet self = facts(SELF_REVIEW, "self.yaml", "SELF", 4, 0, "");
        FactSet review = SELF_REVIEW.readFacts("review.yaml", """
                subject: { id: b1, name: 第一支部, type: PARTY_BRANCH }
                period: 2023
                round: REVIEW
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> SELF_REVIEW.scoreRounds(List.of(self, review)))
                .isInstanceOf(FactsException.class)
                .hasMessage("review.yaml: period: is 2023-01-01 to 2023-12-31, but self.yaml is for 2024-01-01 to"
                        + " 2024-12-31; every round must be for the same period");
    }

    @Test
    void rejectsARoundHeldOnceGivenTwice() {
        // GIVEN
        FactSet june = facts(SELF_REVIEW, "self-june.yaml", "SELF", 2, 0, "");
        FactSet december = facts(SELF_REVIEW, "self-december.yaml", "SELF", 4, 0, "");
        FactSet review = facts(SELF_REVIEW, "review.yaml", "REVIEW", 4, 0, "");

        // WHEN / THEN
        assertThatThrownBy(() -> SELF_REVIEW.scoreRounds(List.of(june, december, review)))
                .isInstanceOf(FactsException.class)
                .hasMessage("self-december.yaml: round: round SELF (自查) is also given by self-june.yaml;"
                        + " this rubric takes one SELF assessment");
    }

    @Test
    void rejectsFactsMissingADeclaredRound() {
        // GIVEN
        FactSet a = facts(INSPECTIONS, "a.yaml", "INSPECTION", 4, 0, "");
        FactSet b = facts(INSPECTIONS, "b.yaml", "INSPECTION", 4, 0, "");

        // WHEN / THEN
        assertThatThrownBy(() -> INSPECTIONS.scoreRounds(List.of(a, b)))
                .isInstanceOf(FactsException.class)
                .hasMessage("a.yaml, b.yaml: round: no facts for round ANNUAL (年终综合考评); the rubric combines"
                        + " INSPECTION (专项督查) 30%, ANNUAL (年终综合考评) 70%");
    }

    @Test
    void rejectsRoundsForARubricThatDeclaresNone() {
        // GIVEN
        Rubric single = rubric("");
        FactSet review = facts(single, "review.yaml", "REVIEW", 4, 0, "");

        // WHEN / THEN
        assertThatThrownBy(() -> single.scoreRounds(List.of(review)))
                .isInstanceOf(FactsException.class)
                .hasMessageContaining("rubric rounds-test declares no rounds");
    }

    @Test
    void rejectsAnEmptyListOfRounds() {
        assertThatThrownBy(() -> SELF_REVIEW.scoreRounds(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no facts given: give one facts set per round");
    }
}
