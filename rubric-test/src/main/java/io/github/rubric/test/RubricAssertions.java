package io.github.rubric.test;

import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;

/**
 * Entry point of the AssertJ assertions for scorecards. Points are compared by value ({@code "5"} equals
 * {@code 5.0}); a failure shows the item's deductions, so the message says why the score is what it is.
 *
 * <pre>{@code
 * import static io.github.rubric.test.RubricAssertions.assertThat;
 *
 * assertThat(card).hasTotal("87").hasGrade("良好")
 *         .item("3").hasScore("5").hasDeductionMatching("党员大会", "1")
 *         .item("18").hasFullScore();
 * }</pre>
 */
public final class RubricAssertions {
    private RubricAssertions() {
    }

    /**
     * @param actual a scorecard
     * @return assertions on it
     */
    public static ScorecardAssert assertThat(Scorecard actual) {
        return new ScorecardAssert(actual);
    }

    /**
     * @param actual an item's score
     * @return assertions on it
     */
    public static ItemScoreAssert assertThat(ItemScore actual) {
        return new ItemScoreAssert(null, actual);
    }
}
