package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.factsWithCounters;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.fact.FactSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A rule that loops, or an evaluation that runs too long, stops with an error; the caller is never hung. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunawayRulesTest {
    private static final String KEEPS_INSERTING = """
            rule "keeps inserting counters"
                @item("1")
            when
                Counter()
            then
                insert(new Counter(0));
            end
            """;

    @Test
    void stopsARuleThatKeepsInsertingAtTheFiringLimit() {
        // GIVEN a rule that re-triggers itself with every fact it inserts (safe mode allows inserts)
        Rubric rubric = Rubric.loader().firingLimit(500).fromString("loops.drl", tinyWith(KEEPS_INSERTING));
        FactSet facts = rubric.readFacts("facts.yaml", factsWithCounters(1));

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.score(facts))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("rubric loops.drl stopped scoring facts.yaml")
                .hasMessageContaining("more than 500 rule firings (the firing limit) and the rules still had work")
                .hasMessageContaining("Rules that fired most: \"keeps inserting counters\" 501 times");
    }

    @Test
    void stopsARuleThatKeepsModifyingAFactAtTheFiringLimit() {
        // GIVEN a trusted rule that modifies the fact it matches, forever
        Rubric rubric = Rubric.loader().trusted().firingLimit(2_000).fromString("modifies.drl", tinyWith("""
                rule "bumps the counter"
                    @item("1")
                when
                    $c : Counter( n < 1000000000 )
                then
                    modify($c) { setN($c.getN() + 1) };
                end
                """));
        FactSet facts = rubric.readFacts("facts.yaml", factsWithCounters(1));

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.score(facts))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("more than 2000 rule firings")
                .hasMessageContaining("\"bumps the counter\" 2001 times");
    }

    @Test
    void allowsExactlyTheFiringLimit() {
        // GIVEN a rule that fires once per counter: three firings
        Rubric rubric = Rubric.loader().firingLimit(3).fromString("once.drl", tinyWith("""
                rule "notes each counter"
                    @item("1")
                when
                    $c : Counter()
                then
                    score.finding("a counter");
                end
                """));

        // WHEN
        var card = rubric.score(rubric.readFacts("facts.yaml", factsWithCounters(3)));

        // THEN
        assertThat(card.findings()).hasSize(3);
        Rubric tighter = Rubric.loader().firingLimit(2).fromString("once.drl", tinyWith("""
                rule "notes each counter"
                    @item("1")
                when
                    $c : Counter()
                then
                    score.finding("a counter");
                end
                """));
        assertThatThrownBy(() -> tighter.score(tighter.readFacts("facts.yaml", factsWithCounters(3))))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("more than 2 rule firings");
    }

    @Test
    void haltsManyQuickFiringsAtTheTimeBudget() {
        // GIVEN a (trusted) looping rule that keeps memory flat, and no practical firing limit: only the time
        // budget stops it
        Rubric rubric = Rubric.loader().trusted().firingLimit(Integer.MAX_VALUE).timeBudget(Duration.ofMillis(300))
                .fromString("loops.drl", tinyWith("""
                        rule "keeps replacing counters"
                            @item("1")
                        when
                            $c : Counter()
                        then
                            retract($c);
                            insert(new Counter(0));
                        end
                        """));
        FactSet facts = rubric.readFacts("facts.yaml", factsWithCounters(1));
        long start = System.nanoTime();

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.score(facts))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("the evaluation ran longer than its time budget of 300 ms")
                .hasMessageContaining("\"keeps replacing counters\"");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void freesTheCallerFromAConsequenceThatNeverReturns() {
        // GIVEN a trusted consequence that blocks (interruptibly) far beyond the budget
        Rubric rubric = Rubric.loader().trusted().timeBudget(Duration.ofMillis(300)).fromString("blocks.drl", tinyWith("""
                rule "waits forever"
                    @item("1")
                when
                    Counter()
                then
                    Thread.sleep(600_000);
                end
                """));
        FactSet facts = rubric.readFacts("facts.yaml", factsWithCounters(1));
        long start = System.nanoTime();

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.score(facts))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("time budget of 300 ms")
                .hasMessageContaining("the last by rule \"waits forever\"");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void freesTheCallerFromABusyLoopingConsequence() {
        // GIVEN a trusted consequence that spins (it stops when interrupted, so the test leaves no busy thread)
        Rubric rubric = Rubric.loader().trusted().timeBudget(Duration.ofMillis(300)).fromString("spins.drl", tinyWith("""
                rule "spins"
                    @item("1")
                when
                    Counter()
                then
                    long spins = 0;
                    while (!Thread.currentThread().isInterrupted()) { spins++; }
                end
                """));
        FactSet facts = rubric.readFacts("facts.yaml", factsWithCounters(1));

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.score(facts)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("time budget of 300 ms");
    }

    @Test
    void namesTheRuleWhoseConsequenceFailed() {
        // GIVEN
        Rubric rubric = Rubric.fromString("fails.drl", tinyWith("""
                rule "divides by zero"
                    @item("1")
                when
                    $c : Counter()
                then
                    int x = 1 / $c.getN();
                end
                """));

        // WHEN / THEN
        assertThatThrownBy(() -> rubric.score(rubric.readFacts("facts.yaml", factsWithCounters(1))))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("rubric fails.drl failed on facts.yaml in rule \"divides by zero\"")
                .hasMessageContaining("ArithmeticException");
    }

    @Test
    void scoresNormallyWithinTheLimits() {
        // GIVEN the tiny rubric and facts with one meeting short
        Rubric rubric = Rubric.loader().firingLimit(10).timeBudget(Duration.ofSeconds(30)).fromString("tiny.drl",
                TestRubrics.TINY);
        String facts = TestRubrics.FACTS.replace("  - { type: GENERAL_MEETING, date: 2024-12-01 }\n", "");

        // WHEN
        var card = rubric.score(rubric.readFacts("facts.yaml", facts));

        // THEN
        assertThat(card.total()).isEqualByComparingTo("9");
    }
}
