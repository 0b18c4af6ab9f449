package io.github.rubric.test;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.Veto;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a scenario expects of its scorecard; every field is optional, and only what is given is checked.
 *
 * @param total the total
 * @param sectionTotal the sum of the sections before bonuses
 * @param bonusTotal the bonus points that count
 * @param passed whether the assessment passes
 * @param grade the grade band
 * @param items per item id: its score and entries
 * @param deductions deductions that must be present (each matched by at least one)
 * @param noDeductions deductions that must be absent; a matcher with no fields means "none at all"
 * @param findings findings that must be present
 * @param noFindings findings that must be absent
 * @param exemptions exemptions that must be present
 * @param bonuses bonuses that must be present
 * @param noBonuses bonuses that must be absent
 * @param vetoes vetoes that must be present
 * @param noVetoes vetoes that must be absent
 */
record Expectations(
        Expected<BigDecimal> total,
        Expected<BigDecimal> sectionTotal,
        Expected<BigDecimal> bonusTotal,
        Expected<Boolean> passed,
        Expected<String> grade,
        Map<String, ItemExpectation> items,
        List<Matcher> deductions,
        List<Matcher> noDeductions,
        List<Matcher> findings,
        List<Matcher> noFindings,
        List<Matcher> exemptions,
        List<Matcher> bonuses,
        List<Matcher> noBonuses,
        List<Matcher> vetoes,
        List<Matcher> noVetoes) {

    Expectations {
        items = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(items));
        deductions = List.copyOf(deductions);
        noDeductions = List.copyOf(noDeductions);
        findings = List.copyOf(findings);
        noFindings = List.copyOf(noFindings);
        exemptions = List.copyOf(exemptions);
        bonuses = List.copyOf(bonuses);
        noBonuses = List.copyOf(noBonuses);
        vetoes = List.copyOf(vetoes);
        noVetoes = List.copyOf(noVetoes);
    }

    /**
     * An expected value and the line it was written on.
     *
     * @param value the value
     * @param line its line in the scenario file
     * @param <T> the value's type
     */
    record Expected<T>(T value, int line) {
    }

    /**
     * What one item must score and hold.
     *
     * @param item the item's id
     * @param line the line of the item's entry
     * @param score the score, if given
     * @param deductions deductions of this item that must be present
     * @param noDeductions deductions of this item that must be absent
     * @param findings findings of this item that must be present
     * @param noFindings findings of this item that must be absent
     */
    record ItemExpectation(String item, int line, Expected<BigDecimal> score, List<Matcher> deductions,
                           List<Matcher> noDeductions, List<Matcher> findings, List<Matcher> noFindings) {
        ItemExpectation {
            deductions = List.copyOf(deductions);
            noDeductions = List.copyOf(noDeductions);
            findings = List.copyOf(findings);
            noFindings = List.copyOf(noFindings);
        }
    }

    /**
     * Matches a scorecard entry (deduction, finding, exemption, bonus, veto) by the fields given; a field left
     * out matches anything. Text fields match when the entry's text contains them; points compare by value.
     *
     * @param line the line of the matcher in the scenario file
     * @param item the item's id, exactly
     * @param rule a fragment of the rule's name
     * @param reason a fragment of the reason
     * @param points the points (a deduction's or a bonus's awarded points)
     * @param counted a bonus's counted points
     * @param achievement a fragment of a bonus's achievement
     * @param kind a veto's kind
     * @param target a veto's target
     * @param zeroes whether a deduction zeroes its item
     */
    record Matcher(int line, String item, String rule, String reason, BigDecimal points, BigDecimal counted,
                   String achievement, String kind, String target, Boolean zeroes) {

        /** @return whether no field is given: the matcher matches every entry */
        boolean any() {
            return item == null && rule == null && reason == null && points == null && counted == null
                    && achievement == null && kind == null && target == null && zeroes == null;
        }

        /** @return this matcher restricted to an item, unless it names one already */
        Matcher forItem(String itemId) {
            return item != null ? this
                    : new Matcher(line, itemId, rule, reason, points, counted, achievement, kind, target, zeroes);
        }

        boolean matches(Deduction d) {
            return eq(item, d.item()) && in(rule, d.rule()) && in(reason, d.reason()) && same(points, d.points())
                    && (zeroes == null || zeroes == d.zeroes());
        }

        boolean matches(Finding f) {
            return eq(item, f.item()) && in(rule, f.rule()) && in(reason, f.reason());
        }

        boolean matches(Exemption e) {
            return eq(item, e.item()) && in(rule, e.rule()) && (reason == null || e.reason().contains(reason)
                    || e.exemption().contains(reason));
        }

        boolean matches(Bonus b) {
            return in(rule, b.rule()) && in(reason, b.reason()) && in(achievement, b.achievement())
                    && same(points, b.points()) && same(counted, b.counted());
        }

        boolean matches(Veto v) {
            return eq(item, v.item()) && in(rule, v.rule()) && in(reason, v.reason()) && eq(kind, v.kind().name())
                    && eq(target, v.target());
        }

        private static boolean eq(String expected, String actual) {
            return expected == null || expected.equals(actual);
        }

        private static boolean in(String fragment, String actual) {
            return fragment == null || actual.contains(fragment);
        }

        private static boolean same(BigDecimal expected, BigDecimal actual) {
            return expected == null || expected.compareTo(actual) == 0;
        }

        /** @return the matcher as a scenario author wrote it: {@code {item: "3", points: 1, reason: ~党员大会}} */
        String describe() {
            if (any()) {
                return "{any}";
            }
            List<String> parts = new ArrayList<>();
            if (item != null) {
                parts.add("item: " + item);
            }
            if (rule != null) {
                parts.add("rule: ~" + rule);
            }
            if (achievement != null) {
                parts.add("achievement: ~" + achievement);
            }
            if (kind != null) {
                parts.add("kind: " + kind);
            }
            if (target != null) {
                parts.add("target: " + target);
            }
            if (points != null) {
                parts.add("points: " + Points.format(points));
            }
            if (counted != null) {
                parts.add("counted: " + Points.format(counted));
            }
            if (zeroes != null) {
                parts.add("zeroes: " + zeroes);
            }
            if (reason != null) {
                parts.add("reason: ~" + reason);
            }
            return "{" + String.join(", ", parts) + "}";
        }
    }
}
