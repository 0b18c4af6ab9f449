package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.result.VetoKind;
import io.github.rubric.model.structure.BonusPolicy;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import io.github.rubric.rules.Scorecards;
import java.math.BigDecimal;
import java.util.List;

/** What every scorecard of every rubric must satisfy, whatever the facts. */
final class ScorecardInvariants {
    private ScorecardInvariants() {
    }

    /**
     * @param rubric the rubric's structure
     * @param card a scorecard it produced
     * @param context what to print when an invariant fails (the seed and the facts)
     */
    static void check(RubricDefinition rubric, Scorecard card, String context) {
        BigDecimal sections = BigDecimal.ZERO;
        for (SectionScore section : card.sections()) {
            Section declared = rubric.sections().stream().filter(s -> s.id().equals(section.id())).findFirst().orElseThrow();
            for (ItemScore item : section.items()) {
                item(rubric.item(item.id()).orElseThrow(), item, context);
            }
            within(section.score(), section.maxPoints(), "section " + section.id(), context);
            BigDecimal sum = section.items().stream().map(ItemScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean zeroed = card.vetoes().stream()
                    .anyMatch(v -> v.kind() == VetoKind.ZERO_SECTION && v.target().equals(section.id()));
            if (zeroed) {
                assertThat(section.score()).as(context + ": vetoed section " + section.id()).isZero();
            } else if (declared.pooled()) {
                BigDecimal lost = section.items().stream().map(i -> i.maxPoints().subtract(i.score()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(section.score()).as(context + ": pooled section " + section.id())
                        .isEqualByComparingTo(section.maxPoints().subtract(lost).max(BigDecimal.ZERO));
            } else {
                assertThat(section.score()).as(context + ": section " + section.id() + " is the sum of its items")
                        .isEqualByComparingTo(sum);
            }
            sections = sections.add(section.score());
        }
        assertThat(card.sectionTotal()).as(context + ": section total").isEqualByComparingTo(sections);
        bonuses(rubric.bonus(), card.bonuses(), card.bonusTotal(), context);
        assertThat(card.total()).as(context + ": total = sections + counted bonuses")
                .isEqualByComparingTo(card.sectionTotal().add(card.bonusTotal()));
        if (rubric.passLine() != null) {
            boolean failed = card.vetoes().stream().map(Veto::kind).anyMatch(k -> k == VetoKind.FAIL);
            assertThat(card.passed()).as(context + ": passed")
                    .isEqualTo(!failed && card.total().compareTo(rubric.passLine()) >= 0);
        }
        String json = Scorecards.toJson(card);
        Scorecard back = Scorecards.fromJson(json);
        assertThat(back).as(context + ": JSON round trip").isEqualTo(card);
        assertThat(Scorecards.toJson(back)).as(context + ": JSON round trip, byte for byte").isEqualTo(json);
    }

    private static void item(Item declared, ItemScore item, String context) {
        String what = "item " + item.id();
        within(item.score(), item.maxPoints(), what, context);
        within(item.basis(), item.maxPoints(), what + " basis", context);
        if (!declared.needsJudgement()) {
            assertThat(item.basis()).as(context + ": " + what + " starts from its maximum").isEqualByComparingTo(item.maxPoints());
        }
        BigDecimal deducted = item.deductions().stream()
                .map(d -> d.zeroes() ? item.maxPoints() : d.points())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lost = item.basis().subtract(item.score());
        assertThat(lost).as(context + ": " + what + " never scores above its basis").isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(lost).as(context + ": every point " + what + " lost is explained by its deductions " + item.deductions())
                .isLessThanOrEqualTo(deducted);
        if (lost.signum() > 0) {
            assertThat(item.deductions()).as(context + ": " + what + " lost points, so a deduction says why").isNotEmpty();
        }
        if (item.deductions().stream().anyMatch(Deduction::zeroes)) {
            assertThat(item.score()).as(context + ": " + what + " is zeroed").isZero();
        }
    }

    private static void bonuses(BonusPolicy policy, List<Bonus> bonuses, BigDecimal total, String context) {
        BigDecimal counted = BigDecimal.ZERO;
        for (Bonus bonus : bonuses) {
            assertThat(bonus.counted()).as(context + ": bonus " + bonus.rule() + " counts at most its points")
                    .isBetween(BigDecimal.ZERO, bonus.points());
            counted = counted.add(bonus.counted());
        }
        assertThat(total).as(context + ": bonus total").isEqualByComparingTo(counted);
        if (policy.cap() != null) {
            assertThat(total).as(context + ": bonus within the cap").isLessThanOrEqualTo(policy.cap());
        }
    }

    private static void within(BigDecimal value, BigDecimal max, String what, String context) {
        assertThat(value).as(context + ": " + what + " within 0 and " + max).isBetween(BigDecimal.ZERO, max);
    }
}
