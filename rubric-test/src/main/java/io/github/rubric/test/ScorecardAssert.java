package io.github.rubric.test;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.VetoKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Scorecard}; start with {@link RubricAssertions#assertThat(Scorecard)}. */
public final class ScorecardAssert extends AbstractAssert<ScorecardAssert, Scorecard> {

    ScorecardAssert(Scorecard actual) {
        super(actual, ScorecardAssert.class);
    }

    /**
     * @param expected the total, such as {@code "87"} or {@code "72.5"}
     * @return this
     */
    public ScorecardAssert hasTotal(String expected) {
        return hasTotal(points(expected));
    }

    /**
     * @param expected the total
     * @return this
     */
    public ScorecardAssert hasTotal(BigDecimal expected) {
        isNotNull();
        if (actual.total().compareTo(expected) != 0) {
            failWithMessage("Expected total %s but was %s%n%s", Points.format(expected), Points.format(actual.total()),
                    lostPoints());
        }
        return this;
    }

    /**
     * @param expected the sum of the sections before bonuses
     * @return this
     */
    public ScorecardAssert hasSectionTotal(String expected) {
        isNotNull();
        if (actual.sectionTotal().compareTo(points(expected)) != 0) {
            failWithMessage("Expected section total %s but was %s%n%s", expected, Points.format(actual.sectionTotal()),
                    lostPoints());
        }
        return this;
    }

    /**
     * @param expected the bonus points that count
     * @return this
     */
    public ScorecardAssert hasBonusTotal(String expected) {
        isNotNull();
        if (actual.bonusTotal().compareTo(points(expected)) != 0) {
            failWithMessage("Expected bonus total %s but was %s; bonuses:%n%s", expected,
                    Points.format(actual.bonusTotal()), bonuses());
        }
        return this;
    }

    /** @return this, if the assessment passed */
    public ScorecardAssert hasPassed() {
        isNotNull();
        if (!Boolean.TRUE.equals(actual.passed())) {
            failWithMessage("Expected the assessment to pass but it %s (total %s)%s", actual.passed() == null
                    ? "has no pass line" : "did not", Points.format(actual.total()), vetoes());
        }
        return this;
    }

    /** @return this, if the assessment failed */
    public ScorecardAssert hasNotPassed() {
        isNotNull();
        if (!Boolean.FALSE.equals(actual.passed())) {
            failWithMessage("Expected the assessment not to pass but it %s (total %s)", actual.passed() == null
                    ? "has no pass line" : "did", Points.format(actual.total()));
        }
        return this;
    }

    /**
     * @param expected the grade band's name
     * @return this
     */
    public ScorecardAssert hasGrade(String expected) {
        isNotNull();
        if (!actual.grade().equals(expected)) {
            failWithMessage("Expected grade %s but was %s (total %s)%s", expected,
                    actual.grade().isEmpty() ? "(none)" : actual.grade(), Points.format(actual.total()), vetoes());
        }
        return this;
    }

    /**
     * @param sectionId a section's id
     * @param expected its score
     * @return this
     */
    public ScorecardAssert hasSectionScore(String sectionId, String expected) {
        isNotNull();
        SectionScore section = actual.section(sectionId).orElse(null);
        if (section == null) {
            failWithMessage("Expected a section '%s' but the scorecard has %s", sectionId,
                    actual.sections().stream().map(SectionScore::id).toList());
        } else if (section.score().compareTo(points(expected)) != 0) {
            failWithMessage("Expected section %s %s to score %s but it scored %s of %s%s", section.id(), section.title(),
                    expected, Points.format(section.score()), Points.format(section.maxPoints()),
                    section.note().isEmpty() ? "" : " (" + section.note() + ")");
        }
        return this;
    }

    /**
     * Moves to an item's assertions; {@link ItemScoreAssert#and()} comes back.
     *
     * @param itemId the item's id
     * @return assertions on the item
     */
    public ItemScoreAssert item(String itemId) {
        isNotNull();
        ItemScore item = actual.item(itemId).orElse(null);
        if (item == null) {
            failWithMessage("Expected an item '%s' but the scorecard's items are %s", itemId,
                    actual.sections().stream().flatMap(s -> s.items().stream()).map(ItemScore::id).toList());
        }
        return new ItemScoreAssert(this, item);
    }

    /**
     * @param reasonFragment text the reason contains
     * @return this, if some item has such a deduction
     */
    public ScorecardAssert hasDeductionMatching(String reasonFragment) {
        isNotNull();
        if (actual.deductions().stream().noneMatch(d -> d.reason().contains(reasonFragment))) {
            failWithMessage("Expected a deduction whose reason contains \"%s\" but none does; deductions:%n%s",
                    reasonFragment, deductions(actual.deductions()));
        }
        return this;
    }

    /**
     * @param reasonFragment text the reason contains
     * @return this, if no item has such a deduction
     */
    public ScorecardAssert hasNoDeductionMatching(String reasonFragment) {
        isNotNull();
        List<Deduction> found = actual.deductions().stream().filter(d -> d.reason().contains(reasonFragment)).toList();
        if (!found.isEmpty()) {
            failWithMessage("Expected no deduction whose reason contains \"%s\" but found:%n%s", reasonFragment,
                    deductions(found));
        }
        return this;
    }

    /** @return this, if no item lost points */
    public ScorecardAssert hasNoDeductions() {
        isNotNull();
        if (!actual.deductions().isEmpty()) {
            failWithMessage("Expected no deductions but found:%n%s", deductions(actual.deductions()));
        }
        return this;
    }

    /**
     * @param achievementFragment text the bonus's achievement contains
     * @param counted the points that count for it
     * @return this
     */
    public ScorecardAssert hasBonus(String achievementFragment, String counted) {
        isNotNull();
        boolean found = actual.bonuses().stream().anyMatch(b -> b.achievement().contains(achievementFragment)
                && b.counted().compareTo(points(counted)) == 0);
        if (!found) {
            failWithMessage("Expected a bonus for \"%s\" counting %s; bonuses:%n%s", achievementFragment, counted, bonuses());
        }
        return this;
    }

    /** @return this, if no rule claimed a bonus */
    public ScorecardAssert hasNoBonuses() {
        isNotNull();
        if (!actual.bonuses().isEmpty()) {
            failWithMessage("Expected no bonuses but found:%n%s", bonuses());
        }
        return this;
    }

    /**
     * @param kind the veto's kind
     * @return this, if a veto of that kind was cast
     */
    public ScorecardAssert hasVeto(VetoKind kind) {
        isNotNull();
        if (actual.vetoes().stream().noneMatch(v -> v.kind() == kind)) {
            failWithMessage("Expected a %s veto but %s", kind, actual.vetoes().isEmpty() ? "there is none"
                    : "the vetoes are:" + vetoes());
        }
        return this;
    }

    /** @return this, if no veto was cast */
    public ScorecardAssert hasNoVetoes() {
        isNotNull();
        if (!actual.vetoes().isEmpty()) {
            failWithMessage("Expected no vetoes but found:%s", vetoes());
        }
        return this;
    }

    private String lostPoints() {
        String lost = actual.sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.score().compareTo(i.maxPoints()) != 0 || !i.deductions().isEmpty())
                .map(Describe::item).collect(Collectors.joining("\n"));
        return lost.isEmpty() ? "no item lost points" + bonuses() : "items that lost points:\n" + lost;
    }

    private String bonuses() {
        return actual.bonuses().isEmpty() ? "  (none)"
                : actual.bonuses().stream().map(b -> "  " + Describe.bonus(b)).collect(Collectors.joining("\n"));
    }

    private String vetoes() {
        return actual.vetoes().isEmpty() ? ""
                : actual.vetoes().stream().map(v -> "\n  veto " + Describe.veto(v)).collect(Collectors.joining());
    }

    static String deductions(List<Deduction> deductions) {
        return deductions.isEmpty() ? "  (none)"
                : deductions.stream().map(d -> "  item " + d.item() + ": " + Describe.deduction(d)).collect(Collectors.joining("\n"));
    }

    static BigDecimal points(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("expected points such as \"5\" or \"1.5\", was " + text, e);
        }
    }
}
