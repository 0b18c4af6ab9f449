package io.github.rubric.test;

import io.github.rubric.model.result.RubricRef;
import io.github.rubric.rules.Evaluation;
import io.github.rubric.rules.Rubric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rule coverage: which rules of which rubric fired in which scenarios, and which never fired. A rule that
 * fires in no scenario is a criterion nobody has seen work; {@link #requireAtLeast(int)} makes that fail a
 * build.
 *
 * <pre>{@code
 * RuleCoverage coverage = new RuleCoverage();
 * ScenarioFolder.onClasspath("scenarios/my-rubric").run(rubric, coverage);
 * System.out.print(coverage.report());
 * coverage.requireAtLeast(100);
 * }</pre>
 *
 * <p>Rubrics are told apart by id, version and content hash. Safe to record into from several threads.
 */
public final class RuleCoverage {
    private final Map<String, Entry> rubrics = new LinkedHashMap<>();

    private static final class Entry {
        final RubricRef ref;
        final String source;
        final Map<String, Set<String>> firedIn = new TreeMap<>();
        final Set<String> scenarios = new TreeSet<>();

        Entry(Rubric rubric) {
            this.ref = rubric.ref();
            this.source = rubric.sourceName();
            rubric.ruleNames().forEach(rule -> firedIn.put(rule, new TreeSet<>()));
        }

        int fired() {
            return (int) firedIn.values().stream().filter(s -> !s.isEmpty()).count();
        }

        Set<String> neverFired() {
            Set<String> never = new TreeSet<>();
            firedIn.forEach((rule, in) -> {
                if (in.isEmpty()) {
                    never.add(rule);
                }
            });
            return never;
        }

        String percent() {
            if (firedIn.isEmpty()) {
                return "100";
            }
            BigDecimal p = BigDecimal.valueOf(fired() * 100L).divide(BigDecimal.valueOf(firedIn.size()), 1, RoundingMode.DOWN);
            return p.stripTrailingZeros().toPlainString();
        }
    }

    /** Creates an empty record. */
    public RuleCoverage() {
    }

    /**
     * Makes a rubric count even before any scenario ran against it, so that a rubric without scenarios shows
     * as 0 % covered rather than not at all.
     *
     * @param rubric the rubric
     * @return this
     */
    public synchronized RuleCoverage register(Rubric rubric) {
        entry(rubric);
        return this;
    }

    /**
     * Records the rules that fired in one evaluation.
     *
     * @param rubric the rubric evaluated
     * @param scenario the scenario's (or test's) name
     * @param evaluation the evaluation, or null when the scenario could not be scored (the rubric still counts)
     */
    public synchronized void record(Rubric rubric, String scenario, Evaluation evaluation) {
        Entry entry = entry(rubric);
        entry.scenarios.add(scenario);
        if (evaluation != null) {
            for (String rule : evaluation.fired()) {
                entry.firedIn.computeIfAbsent(rule, r -> new TreeSet<>()).add(scenario);
            }
        }
    }

    private Entry entry(Rubric rubric) {
        return rubrics.computeIfAbsent(key(rubric.ref()), k -> new Entry(rubric));
    }

    private static String key(RubricRef ref) {
        return ref.id() + "@" + ref.version() + "#" + ref.sha256();
    }

    /**
     * @param rubric a rubric
     * @return its rules that fired in no recorded scenario, sorted
     */
    public synchronized Set<String> neverFired(Rubric rubric) {
        Entry entry = rubrics.get(key(rubric.ref()));
        return entry == null ? new TreeSet<>(rubric.ruleNames()) : Collections.unmodifiableSet(entry.neverFired());
    }

    /**
     * @param rubric a rubric
     * @return each of its rules with the scenarios it fired in, by rule name
     */
    public synchronized Map<String, Set<String>> firedIn(Rubric rubric) {
        Entry entry = rubrics.get(key(rubric.ref()));
        Map<String, Set<String>> copy = new TreeMap<>();
        if (entry == null) {
            rubric.ruleNames().forEach(rule -> copy.put(rule, Set.of()));
        } else {
            entry.firedIn.forEach((rule, in) -> copy.put(rule, Set.copyOf(in)));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** @return one paragraph per rubric: rules fired of all, the percentage, and the rules that never fired */
    public synchronized String report() {
        return report(false);
    }

    /**
     * @param perRule whether to list, for every rule, the scenarios it fired in
     * @return the coverage report, one paragraph per rubric
     */
    public synchronized String report(boolean perRule) {
        StringBuilder out = new StringBuilder();
        for (Entry e : rubrics.values()) {
            out.append("rule coverage of ").append(e.ref.id()).append(' ').append(e.ref.version()).append(" (")
                    .append(e.source).append("): ").append(e.fired()).append(" of ").append(e.firedIn.size())
                    .append(" rules fired (").append(e.percent()).append(" %) in ").append(e.scenarios.size())
                    .append(e.scenarios.size() == 1 ? " scenario\n" : " scenarios\n");
            if (perRule) {
                e.firedIn.forEach((rule, in) -> out.append("  ").append(in.isEmpty() ? "never fired: " : "fired:       ")
                        .append(rule).append(in.isEmpty() ? "" : "  ← " + String.join(", ", in)).append('\n'));
            } else {
                e.neverFired().forEach(rule -> out.append("  never fired: ").append(rule).append('\n'));
            }
        }
        return out.toString();
    }

    /**
     * Fails unless every recorded rubric has at least the given share of its rules fired.
     *
     * @param percent the least share, 0 to 100
     * @throws AssertionError naming each rubric under the threshold and its rules that never fired
     */
    public synchronized void requireAtLeast(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be from 0 to 100, was " + percent);
        }
        List<String> failures = new ArrayList<>();
        for (Entry e : rubrics.values()) {
            if (e.fired() * 100L < (long) percent * e.firedIn.size()) {
                failures.add(e.ref.id() + " " + e.ref.version() + ": " + e.fired() + " of " + e.firedIn.size()
                        + " rules fired (" + e.percent() + " %), below " + percent + " %; never fired:\n    "
                        + String.join("\n    ", e.neverFired()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("rule coverage below " + percent + " %:\n  " + String.join("\n  ", failures));
        }
    }

    /**
     * @param percent the least share, 0 to 100
     * @return whether every recorded rubric reaches it
     */
    public synchronized boolean meets(int percent) {
        try {
            requireAtLeast(percent);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
