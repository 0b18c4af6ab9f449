package io.github.rubric.rules;

import io.github.rubric.model.result.Scorecard;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything one evaluation produced: the scorecard, and how the engine got there — which rules fired how
 * often (for rule coverage) and which criteria were checked against which facts (for "why not?").
 *
 * <pre>{@code
 * Evaluation e = rubric.evaluate(rubric.readFacts(Path.of("branch.yaml")));
 * e.scorecard().total();
 * e.checks("3");        // the criteria of item 3, fired or not, with the facts they examined
 * e.unfired();          // rules that did not fire for these facts
 * }</pre>
 *
 * @param scorecard the scorecard
 * @param firings every rule of the rubric by name, with how many times it fired (0 for none), sorted by name
 * @param checks one entry per rule, in the order of the rubric file
 */
public record Evaluation(Scorecard scorecard, Map<String, Integer> firings, List<Check> checks) {
    /** Validates and copies the fields. */
    public Evaluation {
        Objects.requireNonNull(scorecard, "scorecard must not be null");
        firings = Collections.unmodifiableMap(new TreeMap<>(firings));
        checks = List.copyOf(checks);
    }

    /**
     * @param itemId an item's id
     * @return the criteria (rules) of that item, in file order
     */
    public List<Check> checks(String itemId) {
        return checks.stream().filter(c -> itemId.equals(c.item())).toList();
    }

    /** @return the names of the rules that fired at least once, sorted */
    public Set<String> fired() {
        Set<String> fired = new TreeSet<>();
        firings.forEach((rule, count) -> {
            if (count > 0) {
                fired.add(rule);
            }
        });
        return Collections.unmodifiableSet(fired);
    }

    /** @return the names of the rules that did not fire, sorted */
    public Set<String> unfired() {
        Set<String> unfired = new TreeSet<>(firings.keySet());
        unfired.removeAll(fired());
        return Collections.unmodifiableSet(unfired);
    }
}
