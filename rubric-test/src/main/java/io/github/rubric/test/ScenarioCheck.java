package io.github.rubric.test;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.Veto;
import io.github.rubric.test.Expectations.Expected;
import io.github.rubric.test.Expectations.ItemExpectation;
import io.github.rubric.test.Expectations.Matcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** Compares a scorecard with a scenario's expectations, collecting every mismatch rather than stopping at one. */
final class ScenarioCheck {
    private ScenarioCheck() {
    }

    /**
     * One thing the scorecard got other than expected.
     *
     * @param line the expectation's line in the scenario file
     * @param item the item concerned, or null
     * @param message what was expected and what was found
     */
    record Mismatch(int line, String item, String message) {
    }

    /**
     * The comparison: the mismatches, and the expectations side by side with the actual values (for an IDE's
     * diff view).
     */
    record Outcome(List<Mismatch> mismatches, String expected, String actual) {
        static final Outcome NONE = new Outcome(List.of(), "", "");

        Outcome {
            mismatches = List.copyOf(mismatches);
        }
    }

    static Outcome check(Scenario scenario, Scorecard card) {
        Expectations e = scenario.expectations();
        Comparison c = new Comparison();
        c.value("total", e.total(), card.total());
        c.value("sectionTotal", e.sectionTotal(), card.sectionTotal());
        c.value("bonusTotal", e.bonusTotal(), card.bonusTotal());
        c.value("passed", e.passed(), card.passed());
        c.value("grade", e.grade(), card.grade());
        for (ItemExpectation item : e.items().values()) {
            ItemScore actual = card.item(item.item()).orElse(null);
            if (actual == null) {
                c.fail(item.line(), item.item(), "item " + item.item() + ": the rubric has no such item; items: "
                        + String.join(", ", card.sections().stream().flatMap(s -> s.items().stream()).map(ItemScore::id).toList()),
                        "item " + item.item() + ": present", "item " + item.item() + ": absent");
                continue;
            }
            if (item.score() != null) {
                c.value("item " + item.item() + " " + actual.title(), item.item(), item.score(), actual.score());
            }
            c.present("deduction", item.deductions(), actual.deductions(), Matcher::matches, Describe::deduction);
            c.absent("deduction", item.noDeductions(), actual.deductions(), Matcher::matches, Describe::deduction);
            c.present("finding", item.findings(), actual.findings(), Matcher::matches, Describe::finding);
            c.absent("finding", item.noFindings(), actual.findings(), Matcher::matches, Describe::finding);
        }
        List<Deduction> deductions = card.deductions();
        List<Finding> findings = card.findings();
        List<Exemption> exemptions = card.sections().stream().flatMap(s -> s.items().stream())
                .flatMap(i -> i.exemptions().stream()).toList();
        c.present("deduction", e.deductions(), deductions, Matcher::matches, Describe::deduction);
        c.absent("deduction", e.noDeductions(), deductions, Matcher::matches, Describe::deduction);
        c.present("finding", e.findings(), findings, Matcher::matches, Describe::finding);
        c.absent("finding", e.noFindings(), findings, Matcher::matches, Describe::finding);
        c.present("exemption", e.exemptions(), exemptions, Matcher::matches, Describe::exemption);
        c.present("bonus", e.bonuses(), card.bonuses(), Matcher::matches, Describe::bonus);
        c.absent("bonus", e.noBonuses(), card.bonuses(), Matcher::matches, Describe::bonus);
        c.present("veto", e.vetoes(), card.vetoes(), Matcher::matches, Describe::veto);
        c.absent("veto", e.noVetoes(), card.vetoes(), Matcher::matches, Describe::veto);
        return new Outcome(c.mismatches, String.join("\n", c.expected), String.join("\n", c.actual));
    }

    private static final class Comparison {
        final List<Mismatch> mismatches = new ArrayList<>();
        final List<String> expected = new ArrayList<>();
        final List<String> actual = new ArrayList<>();

        void value(String name, Expected<?> want, Object got) {
            value(name, null, want, got);
        }

        void value(String name, String item, Expected<?> want, Object got) {
            if (want == null) {
                return;
            }
            boolean same = want.value() instanceof BigDecimal w && got instanceof BigDecimal g
                    ? w.compareTo(g) == 0 : Objects.equals(want.value(), got);
            String w = show(want.value());
            String g = show(got);
            expected.add(name + ": " + w);
            actual.add(name + ": " + (same ? w : g));
            if (!same) {
                mismatches.add(new Mismatch(want.line(), item, name + ": expected " + w + ", was " + g));
            }
        }

        <T> void present(String kind, List<Matcher> matchers, List<T> entries, BiPredicate<Matcher, T> matches,
                         Function<T, String> describe) {
            for (Matcher m : matchers) {
                boolean found = entries.stream().anyMatch(entry -> matches.test(m, entry));
                String key = kind + " " + m.describe();
                expected.add(key + ": present");
                actual.add(key + ": " + (found ? "present" : "absent"));
                if (!found) {
                    List<T> candidates = m.item() == null ? entries
                            : entries.stream().filter(entry -> itemOf(entry).equals(m.item())).toList();
                    mismatches.add(new Mismatch(m.line(), m.item(), "expected a " + kind + " " + m.describe()
                            + ", found none" + listing(candidates, describe, m.item() == null
                            ? "the " + plural(kind) : "the " + plural(kind) + " of item " + m.item())));
                }
            }
        }

        <T> void absent(String kind, List<Matcher> matchers, List<T> entries, BiPredicate<Matcher, T> matches,
                        Function<T, String> describe) {
            for (Matcher m : matchers) {
                List<T> found = entries.stream().filter(entry -> matches.test(m, entry)).toList();
                String key = "no " + kind + " " + m.describe();
                expected.add(key + ": absent");
                actual.add(key + ": " + (found.isEmpty() ? "absent" : "present"));
                if (!found.isEmpty()) {
                    mismatches.add(new Mismatch(m.line(), m.item(), "expected no " + kind + " " + m.describe()
                            + ", found " + found.size() + listing(found, describe, "")));
                }
            }
        }

        void fail(int line, String item, String message, String want, String got) {
            mismatches.add(new Mismatch(line, item, message));
            expected.add(want);
            actual.add(got);
        }

        private static String plural(String kind) {
            return kind.endsWith("s") || kind.endsWith("o") ? kind + "es" : kind + "s";
        }

        private static String itemOf(Object entry) {
            if (entry instanceof Deduction d) {
                return d.item();
            } else if (entry instanceof Finding f) {
                return f.item();
            } else if (entry instanceof Exemption e) {
                return e.item();
            } else if (entry instanceof Veto v) {
                return v.item();
            }
            return "";
        }

        private static <T> String listing(List<T> entries, Function<T, String> describe, String heading) {
            if (entries.isEmpty()) {
                return heading.isEmpty() ? "" : "; " + heading + ": none";
            }
            StringBuilder out = new StringBuilder(heading.isEmpty() ? ":" : "; " + heading + ":");
            entries.forEach(entry -> out.append("\n      ").append(describe.apply(entry)));
            return out.toString();
        }

        private static String show(Object value) {
            if (value instanceof BigDecimal d) {
                return Points.format(d);
            }
            if (value instanceof String s) {
                return s.isEmpty() ? "(none)" : s;
            }
            return String.valueOf(value);
        }
    }
}
