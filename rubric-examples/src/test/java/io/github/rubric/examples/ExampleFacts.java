package io.github.rubric.examples;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.Rubric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Test helpers: facts files from the classpath, variants of them, and scorecard entries as plain tuples. */
public final class ExampleFacts {
    private ExampleFacts() {
    }

    /**
     * @param resource a classpath resource
     * @return its text, read as UTF-8
     */
    public static String text(String resource) {
        try (InputStream in = ExampleFacts.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scores a facts file from the classpath.
     *
     * @param rubric the rubric
     * @param resource the facts file's resource name
     * @return the scorecard
     */
    public static Scorecard score(Rubric rubric, String resource) {
        return rubric.score(rubric.readFacts(resource, text(resource)));
    }

    /**
     * Scores facts given as text.
     *
     * @param rubric the rubric
     * @param name a name for the facts
     * @param yaml the facts
     * @return the scorecard
     */
    public static Scorecard score(Rubric rubric, String name, String yaml) {
        return rubric.score(rubric.readFacts(name, yaml));
    }

    /**
     * Replaces a piece of a facts file that must occur exactly once, so that a variant cannot silently
     * miss its target.
     *
     * @param text the facts
     * @param from the piece to replace
     * @param to its replacement
     * @return the variant
     */
    public static String replace(String text, String from, String to) {
        int first = text.indexOf(from);
        assertThat(first).as("'%s' occurs in the facts", from).isNotNegative();
        assertThat(text.indexOf(from, first + 1)).as("'%s' occurs only once in the facts", from).isNegative();
        return text.substring(0, first) + to + text.substring(first + from.length());
    }

    /**
     * @param item an item's score
     * @return its deductions as (rule, points, reason, evidence ids)
     */
    public static List<Tuple> deductions(ItemScore item) {
        return item.deductions().stream()
                .map(d -> tuple(d.rule(), Points.format(d.points()), d.reason(), ids(d.evidence()))).toList();
    }

    /**
     * @param item an item's score
     * @return its findings as (rule, reason, evidence ids)
     */
    public static List<Tuple> findings(ItemScore item) {
        return item.findings().stream().map(f -> tuple(f.rule(), f.reason(), ids(f.evidence()))).toList();
    }

    /**
     * @param evidence evidence
     * @return the ids it cites, in order
     */
    public static List<String> ids(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::id).toList();
    }

    /**
     * @param cards scorecards
     * @return the names of the rules that left an entry (deduction, finding or exemption) on any of them
     */
    public static Set<String> rulesThatReported(Stream<Scorecard> cards) {
        Set<String> rules = new TreeSet<>();
        cards.forEach(card -> card.sections().stream().flatMap(s -> s.items().stream()).forEach(item -> {
            item.deductions().stream().map(Deduction::rule).forEach(rules::add);
            item.findings().stream().map(Finding::rule).forEach(rules::add);
            item.exemptions().stream().map(Exemption::rule).forEach(rules::add);
        }));
        return rules;
    }
}
