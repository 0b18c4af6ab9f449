package io.github.rubric.test;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one item's score. Every failure message shows the item's score and the entries behind it.
 * Reached from {@link ScorecardAssert#item(String)}, or {@link RubricAssertions#assertThat(ItemScore)}.
 */
public final class ItemScoreAssert extends AbstractAssert<ItemScoreAssert, ItemScore> {
    private final ScorecardAssert scorecard;

    ItemScoreAssert(ScorecardAssert scorecard, ItemScore actual) {
        super(actual, ItemScoreAssert.class);
        this.scorecard = scorecard;
    }

    /**
     * @param expected the item's score, such as {@code "5"} or {@code "4.5"}
     * @return this
     */
    public ItemScoreAssert hasScore(String expected) {
        return hasScore(ScorecardAssert.points(expected));
    }

    /**
     * @param expected the item's score
     * @return this
     */
    public ItemScoreAssert hasScore(BigDecimal expected) {
        isNotNull();
        if (actual.score().compareTo(expected) != 0) {
            failWithMessage("Expected item %s to score %s but it scored %s of %s%n%s", actual.id() + " " + actual.title(),
                    Points.format(expected), Points.format(actual.score()), Points.format(actual.maxPoints()), behind());
        }
        return this;
    }

    /** @return this, if the item kept its maximum */
    public ItemScoreAssert hasFullScore() {
        return hasScore(actual == null ? BigDecimal.ZERO : actual.maxPoints());
    }

    /**
     * @param reasonFragment text the deduction's reason contains
     * @return this, if the item has such a deduction
     */
    public ItemScoreAssert hasDeductionMatching(String reasonFragment) {
        isNotNull();
        if (actual.deductions().stream().noneMatch(d -> d.reason().contains(reasonFragment))) {
            failWithMessage("Expected item %s to have a deduction whose reason contains \"%s\"%n%s", label(),
                    reasonFragment, behind());
        }
        return this;
    }

    /**
     * @param reasonFragment text the deduction's reason contains
     * @param points the points it takes, compared by value
     * @return this, if the item has such a deduction
     */
    public ItemScoreAssert hasDeductionMatching(String reasonFragment, String points) {
        isNotNull();
        BigDecimal p = ScorecardAssert.points(points);
        if (actual.deductions().stream().noneMatch(d -> d.reason().contains(reasonFragment) && d.points().compareTo(p) == 0)) {
            failWithMessage("Expected item %s to have a deduction of %s whose reason contains \"%s\"%n%s", label(),
                    Points.format(p), reasonFragment, behind());
        }
        return this;
    }

    /**
     * @param ruleFragment text the rule's name contains
     * @return this, if a deduction of the item comes from such a rule
     */
    public ItemScoreAssert hasDeductionFromRule(String ruleFragment) {
        isNotNull();
        if (actual.deductions().stream().noneMatch(d -> d.rule().contains(ruleFragment))) {
            failWithMessage("Expected item %s to have a deduction from a rule named like \"%s\"%n%s", label(),
                    ruleFragment, behind());
        }
        return this;
    }

    /**
     * @param reasonFragment text a reason contains
     * @return this, if no deduction of the item has such a reason
     */
    public ItemScoreAssert hasNoDeductionMatching(String reasonFragment) {
        isNotNull();
        List<Deduction> found = actual.deductions().stream().filter(d -> d.reason().contains(reasonFragment)).toList();
        if (!found.isEmpty()) {
            failWithMessage("Expected item %s to have no deduction whose reason contains \"%s\"%n%s", label(),
                    reasonFragment, behind());
        }
        return this;
    }

    /** @return this, if the item has no deductions */
    public ItemScoreAssert hasNoDeductions() {
        isNotNull();
        if (!actual.deductions().isEmpty()) {
            failWithMessage("Expected item %s to have no deductions%n%s", label(), behind());
        }
        return this;
    }

    /**
     * @param reasonFragment text the finding's reason contains
     * @return this, if the item has such a finding
     */
    public ItemScoreAssert hasFindingMatching(String reasonFragment) {
        isNotNull();
        List<Finding> findings = actual.findings();
        if (findings.stream().noneMatch(f -> f.reason().contains(reasonFragment))) {
            failWithMessage("Expected item %s to have a finding whose reason contains \"%s\"%n%s", label(),
                    reasonFragment, behind());
        }
        return this;
    }

    /** @return this, if the item has no findings */
    public ItemScoreAssert hasNoFindings() {
        isNotNull();
        if (!actual.findings().isEmpty()) {
            failWithMessage("Expected item %s to have no findings%n%s", label(), behind());
        }
        return this;
    }

    /**
     * @param reasonFragment text the exempted entry's reason or the exemption contains
     * @return this, if the item has such an exemption
     */
    public ItemScoreAssert hasExemptionMatching(String reasonFragment) {
        isNotNull();
        if (actual.exemptions().stream().noneMatch(e -> e.reason().contains(reasonFragment)
                || e.exemption().contains(reasonFragment))) {
            failWithMessage("Expected item %s to have an exemption matching \"%s\"%n%s", label(), reasonFragment, behind());
        }
        return this;
    }

    /**
     * Moves to another item of the same scorecard.
     *
     * @param itemId the item's id
     * @return assertions on that item
     */
    public ItemScoreAssert item(String itemId) {
        return and().item(itemId);
    }

    /** @return the scorecard's assertions, to go on with the scorecard */
    public ScorecardAssert and() {
        if (scorecard == null) {
            throw new IllegalStateException("these assertions started from an item, not a scorecard;"
                    + " use RubricAssertions.assertThat(scorecard).item(id) to move between items");
        }
        return scorecard;
    }

    private String label() {
        return actual.id() + " " + actual.title();
    }

    private String behind() {
        return Describe.item(actual);
    }
}
