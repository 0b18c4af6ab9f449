package io.github.rubric.examples.supplycoop;

import static io.github.rubric.examples.RoundFacts.as;
import static io.github.rubric.examples.RoundFacts.firedRules;
import static io.github.rubric.examples.RoundFacts.line;
import static io.github.rubric.examples.RoundFacts.read;
import static io.github.rubric.examples.RoundFacts.with;
import static io.github.rubric.examples.RoundFacts.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.examples.RoundFacts;
import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.OrganizationType;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.CombinedScorecard;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.ItemComparison;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** 党支部工作量化积分考核办法 (seed 004): 自评分×30% + 考评分×70%. */
class BranchQuantifiedPointsTest {
    private static final String DIR = "io/github/rubric/examples/supplycoop/";
    private static final Rubric RUBRIC = Rubric.fromClasspath(DIR + "branch-quantified-points.drl");

    private static FactSet facts(String file) {
        return read(RUBRIC, DIR + "facts/" + file);
    }

    private static List<String> lines(ItemScore item) {
        return item.deductions().stream().map(RoundFacts::line).toList();
    }

    @Test
    void loadsWithSevenAreasAddingUpTo100AndSelfReviewWeights() {
        // THEN
        assertThat(RUBRIC.definition().sections()).extracting(s -> s.title()).containsExactly(
                "支部班子建设", "支部党员思想教育", "支部组织生活", "支部党员管理", "支部党员发展", "支部战斗堡垒作用",
                "支部先锋模范作用");
        assertThat(RUBRIC.definition().sections()).extracting(s -> s.maxPoints().intValue())
                .containsExactly(10, 20, 30, 15, 5, 10, 10);
        assertThat(RUBRIC.definition().rounds().weights()).containsExactly(
                Map.entry(Round.SELF, new BigDecimal("0.3")), Map.entry(Round.REVIEW, new BigDecimal("0.7")));
        assertThat(RUBRIC.definition().items()).allSatisfy(i -> assertThat(i.assumption()).contains("本项目的假设"));
    }

    @Test
    void aBranchMeetingEveryRequirementScores100InBothRoundsAndForTheYear() {
        // GIVEN
        FactSet review = facts("model-branch.yaml");
        FactSet self = as(review, "model-branch-self.yaml", Round.SELF);

        // WHEN
        Scorecard card = RUBRIC.score(review);
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(self, review));

        // THEN
        assertThat(card.total()).isEqualTo(new BigDecimal("100"));
        assertThat(card.deductions()).isEmpty();
        assertThat(year.weightedTotal()).isEqualTo(new BigDecimal("100"));
        assertThat(year.total()).isEqualTo(new BigDecimal("100"));
        assertThat(year.round("SELF").orElseThrow().weighted()).isEqualTo(new BigDecimal("30"));
        assertThat(year.round("REVIEW").orElseThrow().weighted()).isEqualTo(new BigDecimal("70"));
        assertThat(year.comparison()).hasSize(19).noneMatch(ItemComparison::differs);
    }

    static Stream<Arguments> reviewedItems() {
        return Stream.of(
                Arguments.of("1.1", "2", List.of("3|支部委员会分工不明确，扣3分|records.Committee[0]")),
                Arguments.of("1.2", "3.75", List.of("1.25|有工作总结1份，年中、年终应各1份，缺1份，扣1.25分|documents[1]")),
                Arguments.of("2.1", "5", List.of("0.5|2017-08未组织集中学习，扣0.5分|", "0.5|2017-12未组织集中学习，扣0.5分|")),
                Arguments.of("2.2", "3", List.of("1|未按要求参加市社党组、机关党委会议或思想教育活动1次，扣1分|activities[0]")),
                Arguments.of("2.3", "5.25", List.of("0.25|2017-03报送党建信息1条，要求每月不少于2条，扣0.25分|submissions[4]",
                        "0.5|2017-07报送党建信息0条，要求每月不少于2条，扣0.5分|")),
                Arguments.of("2.4", "2", List.of("2|下半年未开展谈心谈话，扣2分|")),
                Arguments.of("3.1", "5.25", List.of("0.5|第3季度未召开党员大会，扣0.5分|", "0.25|2017-02未召开支委会，扣0.25分|")),
                Arguments.of("3.2", "5", List.of("1|2017-12-26组织生活会未做考勤，扣1分|meetings[29]")),
                Arguments.of("3.3", "3", List.of("1|2017-12-22民主生活会记录不规范（未记录批评与自我批评内容），扣1分|meetings[30]")),
                Arguments.of("3.4", "0", List.of("4|全年未开展民主评议党员，扣4分|")),
                Arguments.of("3.5", "8.5", List.of("1|2017-05未开展支部主题党日，扣1分|",
                        "0.5|2017-09主题党日党员参与率17/20（85%），要求90%以上，扣0.5分|meetings[39]")),
                Arguments.of("4.1", "5", List.of("2|党员未按标准足额缴纳党费1笔，扣2分|duesPayments[1]",
                        "1|第3季度党费于2017-10-12上缴，晚于2017-09-30，扣1分|duesRemittances[2]")),
                Arguments.of("4.2", "2", List.of("2|党员管理记录不完整，扣2分|documents[3]")),
                Arguments.of("4.3", "2", List.of("1|外出党员张伟，未按要求向支部汇报，扣1分|records.OutboundMember[0]")),
                Arguments.of("5.1", "3", List.of("2|《入党志愿书》填写不完整、不规范（1份），扣2分|documents[5]")),
                Arguments.of("6.1", "4", List.of("1|未按时保质完成需要支部协作的工作任务1项，扣1分|tasks[1]")),
                Arguments.of("6.2", "3", List.of("1|群众投诉经查实1件，扣1分|complaints[0]",
                        "1|全年组织群众性活动和公益活动1次，要求不少于2次，扣1分|activities[1]")),
                Arguments.of("7.1", "4", List.of("2|党员违纪违法1人次，扣2分|disciplinaryCases[0]")),
                Arguments.of("7.2", "2", List.of("2|全年向市社党组、机关党委提出合理化建议1条，要求不少于2条，扣2分|submissions[21]")));
    }

    @ParameterizedTest(name = "item {0} scores {1}")
    @MethodSource("reviewedItems")
    void theReviewFindsShortfallsInEveryItem(String item, String score, List<String> deductions) {
        // WHEN
        Scorecard card = RUBRIC.score(facts("branch-review.yaml"));

        // THEN
        ItemScore scored = card.item(item).orElseThrow();
        assertThat(scored.score()).isEqualTo(new BigDecimal(score));
        assertThat(lines(scored)).containsExactlyElementsOf(deductions);
    }

    @Test
    void theReviewTotalsTheItems() {
        // WHEN
        Scorecard card = RUBRIC.score(facts("branch-review.yaml"));

        // THEN
        assertThat(card.sections()).extracting(s -> s.score().toPlainString())
                .containsExactly("5.75", "15.25", "21.75", "9", "3", "7", "6");
        assertThat(card.total()).isEqualTo(new BigDecimal("67.75"));
        assertThat(card.round()).isEqualTo("REVIEW");
    }

    @Test
    void theYearIsThirtyPercentSelfAssessmentAndSeventyPercentReviewRoundedHalfUp() {
        // GIVEN the December self-assessment (76) and the committee's review (67.75)
        FactSet self = facts("branch-self.yaml");
        FactSet review = facts("branch-review.yaml");

        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(self, review));

        // THEN 0.3 × 76 + 0.7 × 67.75 = 22.8 + 47.425 = 70.225 → 70.23
        assertThat(year.round("SELF").orElseThrow().score()).isEqualTo(new BigDecimal("76"));
        assertThat(year.round("SELF").orElseThrow().weighted()).isEqualTo(new BigDecimal("22.8"));
        assertThat(year.round("REVIEW").orElseThrow().score()).isEqualTo(new BigDecimal("67.75"));
        assertThat(year.round("REVIEW").orElseThrow().weighted()).isEqualTo(new BigDecimal("47.425"));
        assertThat(year.weightedTotal()).isEqualTo(new BigDecimal("70.23"));
        assertThat(year.total()).isEqualTo(new BigDecimal("70.23"));
        assertThat(year.passed()).isNull();
        assertThat(year.bonuses()).isEmpty();
    }

    @Test
    void comparesTheSelfAssessmentWithTheReviewAndSaysWhyTheyDiffer() {
        // WHEN
        CombinedScorecard year = RUBRIC.scoreRounds(List.of(facts("branch-self.yaml"), facts("branch-review.yaml")));

        // THEN
        assertThat(year.comparison().stream().filter(ItemComparison::differs))
                .extracting(c -> c.item() + " " + c.selfScore() + "→" + c.reviewScore() + " (" + c.difference() + ")")
                .containsExactly("1.1 5→2 (-3)", "2.2 2→3 (1)", "2.3 5.5→5.25 (-0.25)", "3.3 4→3 (-1)",
                        "3.4 4→0 (-4)", "6.2 4→3 (-1)");
        ItemComparison training = year.compared("2.2").orElseThrow();
        assertThat(training.selfOnly()).extracting(RoundFacts::line)
                .containsExactly("2|未按要求参加市社党组、机关党委会议或思想教育活动2次，扣2分|activities[0],activities[1]");
        assertThat(training.reviewOnly()).extracting(RoundFacts::line)
                .containsExactly("1|未按要求参加市社党组、机关党委会议或思想教育活动1次，扣1分|activities[0]");
        ItemComparison appraisal = year.compared("3.4").orElseThrow();
        assertThat(appraisal.selfOnly()).isEmpty();
        assertThat(appraisal.reviewOnly()).extracting(Deduction::reason).containsExactly("全年未开展民主评议党员，扣4分");
        ItemComparison reports = year.compared("2.3").orElseThrow();
        assertThat(reports.reviewOnly()).extracting(Deduction::reason)
                .containsExactly("2017-03报送党建信息1条，要求每月不少于2条，扣0.25分");
        assertThat(reports.selfOnly()).isEmpty();
        ItemComparison study = year.compared("2.1").orElseThrow();
        assertThat(study.differs()).isFalse();
        assertThat(study.difference()).isEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "{0}/{1} attended")
    @CsvSource(nullValues = "-", value = {
            "90,  100, 10, ''",
            "89,  100, 9.5, 2017-08主题党日党员参与率89/100（89%），要求90%以上，扣0.5分",
            "18,  20,  10, ''",
            "17,  20,  9.5, 2017-08主题党日党员参与率17/20（85%），要求90%以上，扣0.5分",
            "27,  30,  10, ''",
            "26,  30,  9.5, 2017-08主题党日党员参与率26/30（86%），要求90%以上，扣0.5分",
            "-,   -,   9.5, 2017-08主题党日未记录参与人数，要求90%以上，扣0.5分"})
    void themedPartyDayParticipationCountsFromNinetyPercentInclusive(Integer attended, Integer expected, String score,
                                                                     String reason) {
        // GIVEN the model branch with August's themed party day at the given participation
        Meeting august = new Meeting("august", MeetingType.THEMED_PARTY_DAY, LocalDate.of(2017, 8, 1), attended, expected,
                List.of(), null, null, null);
        FactSet facts = with(facts("model-branch.yaml"), themedPartyDayIn(8), august);

        // WHEN
        ItemScore item = RUBRIC.score(facts).item("3.5").orElseThrow();

        // THEN
        assertThat(item.score()).isEqualTo(new BigDecimal(score));
        assertThat(item.deductions()).extracting(Deduction::reason)
                .containsExactlyElementsOf(reason.isEmpty() ? List.of() : List.of(reason));
    }

    @Test
    void aMonthWithOneThemedPartyDayOfNinetyPercentIsMetThoughAnotherFellShort() {
        // GIVEN
        Meeting low = new Meeting("low", MeetingType.THEMED_PARTY_DAY, LocalDate.of(2017, 8, 1), 15, 20, List.of(), null,
                null, null);
        Meeting full = new Meeting("full", MeetingType.THEMED_PARTY_DAY, LocalDate.of(2017, 8, 20), 18, 20, List.of(), null,
                null, null);
        FactSet facts = with(facts("model-branch.yaml"), themedPartyDayIn(8), low, full);

        // WHEN
        ItemScore item = RUBRIC.score(facts).item("3.5").orElseThrow();

        // THEN
        assertThat(item.score()).isEqualTo(new BigDecimal("10"));
    }

    @Test
    void aNeglectedBranchLosesMostPointsAndNoItemGoesBelowZero() {
        // WHEN
        Scorecard card = RUBRIC.score(facts("branch-neglected.yaml"));

        // THEN
        assertThat(card.total()).isEqualTo(new BigDecimal("30.5"));
        assertThat(lines(card.item("1.1").orElseThrow())).containsExactly(
                "3|支部委员会不健全，扣3分|records.Committee[0]", "2|有反映支部委员不团结，扣2分|records.Committee[0]");
        assertThat(lines(card.item("4.1").orElseThrow())).containsExactly(
                "2|第3季度党费未上缴市社政工科，扣2分|", "2|第4季度党费未上缴市社政工科，扣2分|",
                "1|第1季度党费应缴400元，上缴300元，不足额，扣1分|duesRemittances[0]");
        assertThat(lines(card.item("4.2").orElseThrow())).containsExactly(
                "2|党员名册不完整，扣2分|documents[0]", "2|党员管理记录缺失，扣2分|");
        assertThat(lines(card.item("7.1").orElseThrow())).containsExactly("3|支部委员违纪违法1人次，扣3分|disciplinaryCases[0]");
        ItemScore themed = card.item("3.5").orElseThrow();
        assertThat(themed.deductions()).hasSize(12);
        assertThat(themed.score()).isEqualTo(new BigDecimal("1"));
        ItemScore lectures = card.item("3.1").orElseThrow();
        assertThat(lectures.deductions()).extracting(Deduction::reason).contains("第3季度未上党课，扣0.5分", "第4季度未上党课，扣0.5分");
        assertThat(lectures.score()).isEqualTo(new BigDecimal("2"));
        ItemScore orgLife = card.item("3.2").orElseThrow();
        assertThat(orgLife.score()).isEqualTo(BigDecimal.ZERO);
        assertThat(card.item("1.2").orElseThrow().deductions()).extracting(Deduction::reason)
                .containsExactly("无年度工作计划，扣2.5分", "有工作总结0份，年中、年终应各1份，缺2份，扣2.5分");
        assertThat(card.item("3.3").orElseThrow().deductions()).extracting(Deduction::reason)
                .containsExactly("全年未召开支部委员民主生活会，扣4分");
        assertThat(card.item("5.1").orElseThrow().deductions()).extracting(RoundFacts::line)
                .containsExactly("3|发展党员材料不齐全、手续不完备，扣3分|documents[1]");
    }

    @Test
    void withoutTheCommitteesRecordTheItemScoresZero() {
        // GIVEN
        FactSet facts = with(facts("model-branch.yaml"), f -> f.getClass().getSimpleName().equals("Committee"));

        // WHEN
        ItemScore item = RUBRIC.score(facts).item("1.1").orElseThrow();

        // THEN
        assertThat(item.score()).isEqualTo(BigDecimal.ZERO);
        assertThat(item.deductions()).singleElement().satisfies(d -> {
            assertThat(d.zeroes()).isTrue();
            assertThat(d.reason()).isEqualTo("未提供支部委员会情况，无据可查，不得分");
        });
    }

    @Test
    void aJuneSelfAssessmentScoredOnItsOwnCountsOnlyTheMonthsItCovers() {
        // GIVEN the model branch's first half-year
        FactSet june = within(as(facts("model-branch.yaml"), "self-june.yaml", Round.SELF),
                new AssessmentPeriod(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 6, 30)));

        // WHEN
        Scorecard card = RUBRIC.score(june);

        // THEN monthly, quarterly and half-yearly requirements are met; yearly ones are not yet
        assertThat(card.deductions()).extracting(Deduction::reason).containsExactly(
                "全年未召开支部委员民主生活会，扣4分", "全年未开展民主评议党员，扣4分",
                "全年组织群众性活动和公益活动1次，要求不少于2次，扣1分",
                "全年向市社党组、机关党委提出合理化建议1条，要求不少于2条，扣2分");
        assertThat(card.total()).isEqualTo(new BigDecimal("89"));
    }

    @Test
    void takesOneSelfAssessmentSoTheJuneOneCannotJoinTheDecemberOne() {
        // GIVEN
        FactSet december = facts("branch-self.yaml");
        FactSet june = as(december, "branch-self-june.yaml", Round.SELF);

        // WHEN / THEN
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(june, december, facts("branch-review.yaml"))))
                .isInstanceOf(FactsException.class)
                .hasMessage("branch-self.yaml: round: round SELF (自查) is also given by branch-self-june.yaml;"
                        + " this rubric takes one SELF assessment");
    }

    @Test
    void rejectsAFactSetForARoundItDoesNotCombine() {
        // GIVEN
        FactSet annual = as(facts("branch-review.yaml"), "annual.yaml", Round.ANNUAL);

        // WHEN / THEN
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(facts("branch-self.yaml"), annual)))
                .isInstanceOf(FactsException.class)
                .hasMessage("annual.yaml: round: round ANNUAL (年终综合考评) is not one this rubric combines;"
                        + " expected one of: SELF (自查) 30%, REVIEW (复查) 70%");
    }

    @Test
    void rejectsAReviewOfAnotherBranch() {
        // GIVEN
        FactSet review = facts("branch-review.yaml");
        FactSet other = new FactSet("other-review.yaml",
                new Organization("qjgxs-jg-2", "市供销社机关第二党支部", OrganizationType.PARTY_BRANCH, 12),
                review.period(), Round.REVIEW, review.facts());

        // WHEN / THEN
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(facts("branch-self.yaml"), other)))
                .isInstanceOf(FactsException.class)
                .hasMessageStartingWith("other-review.yaml: subject: is 市供销社机关第二党支部 (organization qjgxs-jg-2),"
                        + " but branch-self.yaml is for 市供销社机关第一党支部 (organization qjgxs-jg-1)");
    }

    @Test
    void rejectsAYearWithoutTheReview() {
        assertThatThrownBy(() -> RUBRIC.scoreRounds(List.of(facts("branch-self.yaml"))))
                .isInstanceOf(FactsException.class)
                .hasMessage("branch-self.yaml: round: no facts for round REVIEW (复查); the rubric combines"
                        + " SELF (自查) 30%, REVIEW (复查) 70%");
    }

    @Test
    void everyRuleFiresInSomeExample() {
        // GIVEN
        Scorecard review = RUBRIC.score(facts("branch-review.yaml"));
        Scorecard neglected = RUBRIC.score(facts("branch-neglected.yaml"));
        Scorecard noCommittee = RUBRIC.score(with(facts("model-branch.yaml"),
                f -> f.getClass().getSimpleName().equals("Committee")));

        // WHEN
        var fired = firedRules(review, neglected, noCommittee);

        // THEN
        assertThat(fired).containsExactlyInAnyOrderElementsOf(RUBRIC.ruleNames());
    }

    private static Predicate<Object> themedPartyDayIn(int month) {
        return f -> f instanceof Meeting m && m.type() == MeetingType.THEMED_PARTY_DAY && m.date().getMonthValue() == month;
    }
}
