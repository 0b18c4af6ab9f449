package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.Veto;
import io.github.rubric.rules.Rubric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Test support for the bundled rubrics: facts files read from the classpath, variants made by editing their
 * text (so that every variant goes through the facts reader), and assertions on scorecard entries.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** A deduction as a test expects it: points, reason and the ids of its evidence. */
    public record Expected(String points, String reason, List<String> evidence) {
        /** @return a deduction expected with the given evidence ids */
        public static Expected deduction(String points, String reason, String... evidence) {
            return new Expected(points, reason, List.of(evidence));
        }
    }

    /**
     * @param resource a classpath resource
     * @return its text
     */
    public static String text(String resource) {
        try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces one passage of a facts file's text, failing when the passage is not there exactly once, so that a
     * variant cannot silently stop differing from its base.
     */
    public static String edit(String text, String passage, String replacement) {
        int at = text.indexOf(passage);
        if (at < 0 || text.indexOf(passage, at + 1) >= 0) {
            throw new IllegalArgumentException("the passage must occur exactly once: " + passage);
        }
        return text.substring(0, at) + replacement + text.substring(at + passage.length());
    }

    /** @return the scorecard of the facts text */
    public static Scorecard score(Rubric rubric, String source, String text) {
        return rubric.score(rubric.readFacts(source, text));
    }

    /** Asserts an item's score and exactly its deductions, in the scorecard's order. */
    public static void assertItem(Scorecard card, String item, String score, Expected... deductions) {
        ItemScore actual = card.item(item).orElseThrow();
        assertThat(actual.score()).as("score of item %s", item).isEqualTo(Points.of(score));
        assertThat(actual.deductions()).as("deductions of item %s", item).hasSize(deductions.length);
        for (int i = 0; i < deductions.length; i++) {
            Deduction d = actual.deductions().get(i);
            Expected e = deductions[i];
            assertThat(d.points()).as("points of %s", d.reason()).isEqualTo(Points.of(e.points()));
            assertThat(d.reason()).isEqualTo(e.reason());
            assertThat(d.evidence()).as("evidence of %s", d.reason()).extracting(Evidence::id)
                    .containsExactlyElementsOf(e.evidence());
        }
    }

    /** @return a zeroing entry (不得分) as a test expects it: the item's maximum as points, reason and evidence */
    public static Expected zero(String max, String reason, String... evidence) {
        return new Expected(max, reason, List.of(evidence));
    }

    /** @return the names of the rules that left an entry (deduction, finding, exemption, bonus, veto) */
    public static Set<String> rulesWithEntries(Scorecard card) {
        Set<String> rules = new TreeSet<>();
        card.sections().stream().flatMap(s -> s.items().stream()).forEach(i -> {
            i.deductions().stream().map(Deduction::rule).forEach(rules::add);
            i.findings().stream().map(Finding::rule).forEach(rules::add);
            i.exemptions().stream().map(Exemption::rule).forEach(rules::add);
        });
        card.bonuses().stream().map(Bonus::rule).forEach(rules::add);
        card.vetoes().stream().map(Veto::rule).forEach(rules::add);
        return rules;
    }

    /** @return every item of the scorecard */
    public static Stream<ItemScore> items(Scorecard card) {
        return card.sections().stream().flatMap(s -> s.items().stream());
    }
}
