package io.github.rubric.examples;

import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.Dated;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.Rubric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads the bundled facts files and derives variants of them for the rubrics' tests. */
public final class RoundFacts {
    private RoundFacts() {
    }

    /**
     * @param rubric the rubric the facts are for
     * @param resource a facts file on the classpath
     * @return its facts, with the file's name as source
     */
    public static FactSet read(Rubric rubric, String resource) {
        try (InputStream in = RoundFacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + resource);
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return rubric.readFacts(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param facts facts
     * @param drop which facts to leave out
     * @param add facts to add at the end
     * @return the same subject, period and round with the changed facts
     */
    public static FactSet with(FactSet facts, Predicate<Object> drop, Object... add) {
        List<Object> changed = new ArrayList<>(facts.facts().stream().filter(drop.negate()).toList());
        changed.addAll(Arrays.asList(add));
        return new FactSet(facts.source(), facts.subject(), facts.period(), facts.round(), changed);
    }

    /**
     * @param facts facts
     * @param source the new source name
     * @param round the round to file them under
     * @return the same facts for another round
     */
    public static FactSet as(FactSet facts, String source, Round round) {
        return new FactSet(source, facts.subject(), facts.period(), round, facts.facts());
    }

    /**
     * @param facts facts for a year
     * @param period a shorter period
     * @return the facts dated within the shorter period, and every undated fact
     */
    public static FactSet within(FactSet facts, AssessmentPeriod period) {
        List<Object> kept = facts.facts().stream()
                .filter(f -> !(f instanceof Dated d) || period.contains(d.date())).toList();
        return new FactSet(facts.source(), facts.subject(), period, facts.round(), kept);
    }

    /**
     * @param deduction a deduction
     * @return {@code points|reason|evidence ids}, a compact form for exact comparisons
     */
    public static String line(Deduction deduction) {
        return deduction.points().toPlainString() + "|" + deduction.reason() + "|"
                + deduction.evidence().stream().map(Evidence::id).collect(Collectors.joining(","));
    }

    /**
     * @param cards scorecards
     * @return the names of the rules that reported anything in them
     */
    public static Set<String> firedRules(Scorecard... cards) {
        Set<String> fired = new TreeSet<>();
        for (Scorecard card : cards) {
            card.deductions().forEach(d -> fired.add(d.rule()));
            card.findings().forEach(f -> fired.add(f.rule()));
            card.bonuses().stream().map(Bonus::rule).forEach(fired::add);
            card.vetoes().forEach(v -> fired.add(v.rule()));
            card.sections().stream().flatMap(s -> s.items().stream()).flatMap(i -> i.exemptions().stream())
                    .forEach(e -> fired.add(e.rule()));
        }
        return fired;
    }
}
