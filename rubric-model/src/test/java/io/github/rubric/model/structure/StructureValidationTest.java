package io.github.rubric.model.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.rubric.model.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Grades, grade bands, bonus policies, sections and rubric definitions validate themselves when built. */
class StructureValidationTest {
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal MINUS_ONE = new BigDecimal("-1");

    static Stream<Arguments> invalidStructures() {
        return Stream.of(
                invalid("Grade with blank name", () -> new Grade(" ", TEN), "name"),
                invalid("Grade without points", () -> new Grade("较好", null), "points"),
                invalid("Grade with negative points", () -> new Grade("较好", MINUS_ONE), "points"),
                invalid("GradeBand without name", () -> new GradeBand(null, TEN), "name"),
                invalid("GradeBand without min", () -> new GradeBand("优秀", null), "min"),
                invalid("BonusPolicy with negative cap", () -> new BonusPolicy(MINUS_ONE, null), "cap"),
                invalid("BonusPolicy with negative minimumTotal", () -> new BonusPolicy(null, MINUS_ONE),
                        "minimumTotal"),
                invalid("Section without id", () -> new Section("", "基础工作", TEN, false, null), "id"),
                invalid("Section without title", () -> new Section("s", null, TEN, false, null), "title"),
                invalid("Section without maxPoints", () -> new Section("s", "基础工作", null, false, null), "maxPoints"),
                invalid("Section with negative maxPoints", () -> new Section("s", "基础工作", MINUS_ONE, false, null),
                        "maxPoints"),
                invalid("RubricDefinition without id", () -> rubric(null, "细则", "1", TEN), "id"),
                invalid("RubricDefinition without title", () -> rubric("r", " ", "1", TEN), "title"),
                invalid("RubricDefinition without version", () -> rubric("r", "细则", "", TEN), "version"),
                invalid("RubricDefinition without totalPoints", () -> rubric("r", "细则", "1", null), "totalPoints"));
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @MethodSource("invalidStructures")
    void refusesAnInvalidFieldNamingIt(ThrowingCallable build, String field) {
        // GIVEN a structure with one missing, blank or negative field
        // WHEN built / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(build)
                .extracting(InvalidValueException::field).isEqualTo(field);
    }

    @Test
    void acceptsAGradeWorthNothing() {
        // GIVEN / WHEN / THEN
        assertThat(new Grade("差", BigDecimal.ZERO).points()).isEqualByComparingTo("0");
    }

    @Test
    void acceptsAGradeBandFromAnyTotal() {
        // GIVEN / WHEN
        GradeBand band = new GradeBand("优秀", new BigDecimal("90"));

        // THEN
        assertThat(band.name()).isEqualTo("优秀");
        assertThat(band.min()).isEqualByComparingTo("90");
    }

    @Test
    void hasNoCapAndNoThresholdWhenUncapped() {
        // GIVEN / WHEN / THEN
        assertThat(BonusPolicy.UNCAPPED.cap()).isNull();
        assertThat(BonusPolicy.UNCAPPED.minimumTotal()).isNull();
    }

    @Test
    void keepsABonusPolicysCapAndThreshold() {
        // GIVEN / WHEN
        BonusPolicy policy = new BonusPolicy(new BigDecimal("5"), new BigDecimal("60"));

        // THEN
        assertThat(policy.cap()).isEqualByComparingTo("5");
        assertThat(policy.minimumTotal()).isEqualByComparingTo("60");
    }

    @Test
    void keepsAnImmutableCopyOfASectionsItems() {
        // GIVEN
        Item item = new Item("1", "学习", TEN, null, null, null, false, null, null);
        List<Item> items = new ArrayList<>(List.of(item));

        // WHEN
        Section section = new Section("s", "基础工作", TEN, false, items);
        items.clear();

        // THEN
        assertThat(section.items()).containsExactly(item);
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> section.items().clear());
        assertThat(new Section("s", "基础工作", TEN, true, null).items()).isEmpty();
    }

    private static RubricDefinition rubric(String id, String title, String version, BigDecimal totalPoints) {
        return new RubricDefinition(id, title, null, null, version, null, null, totalPoints, null, null, null, null);
    }

    private static Arguments invalid(String name, ThrowingCallable build, String field) {
        return arguments(named(name, build), field);
    }
}
