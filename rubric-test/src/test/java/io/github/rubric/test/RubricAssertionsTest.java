package io.github.rubric.test;

import static io.github.rubric.test.RubricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.VetoKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RubricAssertionsTest {
    /** One general meeting (item 1: -3), one verified complaint (item 2: -1), one award (+2): total 8. */
    private static final Scorecard CARD = RubricScenariosTest.TINY.score(RubricScenariosTest.TINY.readFacts("b.yaml", """
            subject: { kind: organization, id: b, name: 一支部, type: PARTY_BRANCH }
            period: 2024
            meetings: [ { type: GENERAL_MEETING, date: 2024-03-10 } ]
            complaints: [ { date: 2024-04-02, summary: 窗口推诿, verified: true } ]
            awards: [ { level: COUNTY, achievement: 先进支部, title: 县级先进支部, date: 2024-07-01 } ]
            """));

    @Test
    void passes_when_the_scorecard_says_what_is_expected_comparing_points_by_value() {
        assertThat(CARD).hasTotal("8.00").hasTotal(new BigDecimal("8")).hasSectionTotal("6").hasBonusTotal("2")
                .hasPassed().hasGrade("好").hasSectionScore("all", "6").hasNoVetoes()
                .hasBonus("先进支部", "2").hasDeductionMatching("窗口推诿").hasNoDeductionMatching("态度")
                .item("1").hasScore("3").hasDeductionMatching("党员大会1次", "3").hasDeductionFromRule("1 全年")
                .item("2").hasScore("3.0").hasDeductionMatching("窗口推诿", "1").hasNoFindings()
                .and().hasTotal("8");
    }

    @Test
    void a_wrong_item_score_fails_with_the_deductions_behind_the_actual_score() {
        assertThatThrownBy(() -> assertThat(CARD).item("1").hasScore("5"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(("Expected item 1 党员大会 to score 5 but it scored 3 of 6%n"
                        + "item 1 党员大会: 3 of 6\n"
                        + "    -3 全年召开党员大会1次，扣3分 [meetings[0]]  ← 1 全年召开党员大会不少于4次，每少1次扣1分")
                        .formatted());
    }

    @Test
    void a_wrong_total_lists_every_item_that_lost_points() {
        assertThatThrownBy(() -> assertThat(CARD).hasTotal("10"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected total 10 but was 8")
                .hasMessageContaining("items that lost points:\nitem 1 党员大会: 3 of 6")
                .hasMessageContaining("item 2 群众投诉: 3 of 4\n    -1 群众投诉经查实：窗口推诿，扣1分 [complaints[0]]");
    }

    @Test
    void a_deduction_of_other_points_does_not_match() {
        assertThatThrownBy(() -> assertThat(CARD).item("1").hasDeductionMatching("党员大会", "1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected item 1 党员大会 to have a deduction of 1 whose reason contains \"党员大会\"")
                .hasMessageContaining("-3 全年召开党员大会1次，扣3分");
    }

    @Test
    void failures_name_what_is_there_instead() {
        assertThatThrownBy(() -> assertThat(CARD).item("9"))
                .hasMessage("Expected an item '9' but the scorecard's items are [1, 2]");
        assertThatThrownBy(() -> assertThat(CARD).hasVeto(VetoKind.FAIL))
                .hasMessage("Expected a FAIL veto but there is none");
        assertThatThrownBy(() -> assertThat(CARD).hasNoDeductions())
                .hasMessageContaining("Expected no deductions but found:\n  item 1: -3 全年召开党员大会1次");
        assertThatThrownBy(() -> assertThat(CARD).hasNotPassed())
                .hasMessage("Expected the assessment not to pass but it did (total 8)");
        assertThatThrownBy(() -> assertThat(CARD).item("2").hasFullScore())
                .hasMessageStartingWith("Expected item 2 群众投诉 to score 4 but it scored 3 of 4");
    }

    @Test
    void an_item_asserted_on_its_own_cannot_move_to_another() {
        assertThatThrownBy(() -> assertThat(CARD.item("1").orElseThrow()).hasScore("3").item("2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use RubricAssertions.assertThat(scorecard).item(id)");
    }
}
