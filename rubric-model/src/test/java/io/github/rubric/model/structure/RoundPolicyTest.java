package io.github.rubric.model.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.rubric.model.InvalidValueException;
import io.github.rubric.model.fact.Round;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How rounds combine: weights above 0 adding up to exactly 1, accumulated and bonus rounds among the weighted. */
class RoundPolicyTest {
    private static final Map<Round, BigDecimal> INSPECTION_AND_ANNUAL =
            Map.of(Round.INSPECTION, new BigDecimal("0.3"), Round.ANNUAL, new BigDecimal("0.7"));

    @Test
    void combinesWeightedRoundsAsDeclared() {
        // GIVEN 专项督查 30 % held several times, 年终 70 % with the bonuses
        // WHEN
        RoundPolicy policy = new RoundPolicy("weighted", INSPECTION_AND_ANNUAL, List.of(Round.INSPECTION), Round.ANNUAL);

        // THEN
        assertThat(policy.declares(Round.INSPECTION)).isTrue();
        assertThat(policy.declares(Round.SELF)).isFalse();
        assertThat(policy.accumulates(Round.INSPECTION)).isTrue();
        assertThat(policy.accumulates(Round.ANNUAL)).isFalse();
        assertThat(policy.weight(Round.ANNUAL)).isEqualByComparingTo("0.7");
        assertThat(policy.bonusRound()).isEqualTo(Round.ANNUAL);
    }

    @Test
    void acceptsWeightsThatAddUpToOneWhateverTheirScale() {
        // GIVEN 0.30 + 0.70 = 1.00
        Map<Round, BigDecimal> weights = Map.of(Round.SELF, new BigDecimal("0.30"), Round.REVIEW, new BigDecimal("0.70"));

        // WHEN / THEN
        assertThat(new RoundPolicy("weighted", weights, null, null).accumulate()).isEmpty();
    }

    @Test
    void acceptsOneRoundWeightedAtOne() {
        // GIVEN / WHEN
        RoundPolicy policy = new RoundPolicy("weighted", Map.of(Round.REVIEW, BigDecimal.ONE), List.of(), null);

        // THEN
        assertThat(policy.weights()).containsOnlyKeys(Round.REVIEW);
    }

    @Test
    void keepsItsWeightsInRoundOrderAndImmutable() {
        // GIVEN weights given in another order, in a mutable map
        Map<Round, BigDecimal> weights = new HashMap<>();
        weights.put(Round.ANNUAL, new BigDecimal("0.7"));
        weights.put(Round.INSPECTION, new BigDecimal("0.3"));
        List<Round> accumulate = new ArrayList<>(List.of(Round.INSPECTION));

        // WHEN built and the arguments change afterwards
        RoundPolicy policy = new RoundPolicy("weighted", weights, accumulate, null);
        weights.put(Round.SELF, BigDecimal.ONE);
        accumulate.clear();

        // THEN
        assertThat(policy.weights().keySet()).containsExactly(Round.INSPECTION, Round.ANNUAL);
        assertThat(policy.accumulate()).containsExactly(Round.INSPECTION);
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> policy.weights().put(Round.SELF, BigDecimal.ONE));
    }

    @Test
    void refusesTheWeightOfARoundItDoesNotCombine() {
        // GIVEN
        RoundPolicy policy = new RoundPolicy("weighted", INSPECTION_AND_ANNUAL, List.of(), null);

        // WHEN / THEN
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.weight(Round.SELF))
                .withMessageContaining("SELF");
    }

    static Stream<Arguments> invalidPolicies() {
        Map<Round, BigDecimal> nullWeight = new HashMap<>();
        nullWeight.put(Round.SELF, null);
        nullWeight.put(Round.REVIEW, BigDecimal.ONE);
        Map<Round, BigDecimal> nullRound = new HashMap<>();
        nullRound.put(null, BigDecimal.ONE);
        return Stream.of(
                invalid("no combination", () -> new RoundPolicy(null, INSPECTION_AND_ANNUAL, null, null), "combine",
                        "is required"),
                invalid("unknown combination", () -> new RoundPolicy("average", INSPECTION_AND_ANNUAL, null, null),
                        "combine", "unknown combination 'average'"),
                invalid("no weights", () -> new RoundPolicy("weighted", null, null, null), "weights", "is required"),
                invalid("empty weights", () -> new RoundPolicy("weighted", Map.of(), null, null), "weights",
                        "at least one"),
                invalid("a weight of 0", () -> new RoundPolicy("weighted", weights("0", "1"), null, null),
                        "weights.SELF", "above 0 and at most 1, was 0"),
                invalid("a negative weight", () -> new RoundPolicy("weighted", weights("-0.5", "0.5"), null, null),
                        "weights.SELF", "was -0.5"),
                invalid("a weight above 1", () -> new RoundPolicy("weighted", Map.of(Round.SELF, new BigDecimal("1.5")),
                        null, null), "weights.SELF", "at most 1, was 1.5"),
                invalid("a missing weight", () -> new RoundPolicy("weighted", nullWeight, null, null), "weights.SELF",
                        "is required"),
                invalid("a weight without round", () -> new RoundPolicy("weighted", nullRound, null, null), "weights",
                        "is required"),
                invalid("weights adding up to 0.9", () -> new RoundPolicy("weighted", weights("0.3", "0.6"), null,
                        null), "weights", "must add up to 1, but add up to 0.9"),
                invalid("weights adding up to 1.1", () -> new RoundPolicy("weighted", weights("0.4", "0.7"), null,
                        null), "weights", "add up to 1.1"),
                invalid("a round accumulated twice", () -> new RoundPolicy("weighted", INSPECTION_AND_ANNUAL,
                        List.of(Round.INSPECTION, Round.INSPECTION), null), "accumulate", "lists INSPECTION twice"),
                invalid("an accumulated round without weight", () -> new RoundPolicy("weighted", INSPECTION_AND_ANNUAL,
                        List.of(Round.SELF), null), "accumulate", "lists SELF, which has no weight"),
                invalid("a bonus round without weight", () -> new RoundPolicy("weighted", INSPECTION_AND_ANNUAL,
                        List.of(), Round.REVIEW), "bonusRound", "REVIEW has no weight"),
                invalid("an accumulated bonus round", () -> new RoundPolicy("weighted", INSPECTION_AND_ANNUAL,
                        List.of(Round.INSPECTION), Round.INSPECTION), "bonusRound", "INSPECTION is accumulated"));
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @MethodSource("invalidPolicies")
    void refusesAnInconsistentPolicyNamingTheField(ThrowingCallable build, String field, String problem) {
        // GIVEN a rounds declaration with one mistake
        // WHEN built / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(build)
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private static Map<Round, BigDecimal> weights(String self, String review) {
        return Map.of(Round.SELF, new BigDecimal(self), Round.REVIEW, new BigDecimal(review));
    }

    private static Arguments invalid(String name, ThrowingCallable build, String field, String problem) {
        return arguments(named(name, build), field, problem);
    }
}
