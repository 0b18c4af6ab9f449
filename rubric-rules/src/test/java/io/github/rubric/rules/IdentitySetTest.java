package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The set of one evaluation's facts that goes with a pooled session: by identity, and empty for the next one. */
class IdentitySetTest {
    private record Fact(String id) {
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 200, 2_047, 2_048, 10_000})
    void holdsEachObjectOnceAndEqualObjectsApart(int count) {
        // GIVEN objects that are all equal to one another, but distinct
        IdentitySet set = new IdentitySet();
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(new Fact("m1"));
        }

        // WHEN each is added, then each again
        List<Boolean> first = new ArrayList<>();
        facts.forEach(f -> first.add(set.add(f)));
        List<Boolean> second = new ArrayList<>();
        facts.forEach(f -> second.add(set.add(f)));

        // THEN each went in the first time only, and is held; an equal object that was never added is not
        assertThat(first).containsOnly(true).hasSize(count);
        assertThat(second).containsOnly(false).hasSize(count);
        assertThat(set.size()).isEqualTo(count);
        assertThat(facts).allMatch(set::contains);
        assertThat(set.contains(new Fact("m1"))).isFalse();
        assertThat(set.contains(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 300, 5_000})
    void clearedItHoldsNothingAndTakesTheSameObjectsAgain(int count) {
        // GIVEN a set that held one evaluation's facts
        IdentitySet set = new IdentitySet();
        List<Object> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(new Fact("f" + i));
            set.add(facts.get(i));
        }

        // WHEN it is emptied for the next evaluation
        set.clear();

        // THEN it holds none of them, and takes each of them again once
        assertThat(set.size()).isZero();
        assertThat(facts).noneMatch(set::contains);
        assertThat(facts).allMatch(set::add);
        assertThat(facts).noneMatch(set::add);
        assertThat(set.size()).isEqualTo(count);
    }

    @Test
    void aSmallEvaluationAfterALargeOneStartsAfresh() {
        // GIVEN a set that held 5,000 facts and was emptied
        IdentitySet set = new IdentitySet();
        for (int i = 0; i < 5_000; i++) {
            set.add(new Fact("f" + i));
        }
        set.clear();

        // WHEN three facts, one of them twice, go in
        Fact a = new Fact("a");
        Fact b = new Fact("b");
        Fact c = new Fact("c");
        List<Boolean> added = List.of(set.add(a), set.add(b), set.add(a), set.add(c));

        // THEN the repeated one went in once
        assertThat(added).containsExactly(true, true, false, true);
        assertThat(set.size()).isEqualTo(3);
    }
}
