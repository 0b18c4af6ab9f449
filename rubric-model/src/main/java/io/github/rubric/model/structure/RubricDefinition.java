package io.github.rubric.model.structure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * The structure of a rubric (考核细则): what its table shows, without its rules.
 *
 * @param id a stable identifier, the same across versions
 * @param title the rubric's title in its own language
 * @param issuer who issued it
 * @param year the assessment year it is for, if stated
 * @param version the version of this encoding
 * @param effectiveFrom first day the rubric applies, if stated
 * @param effectiveTo last day the rubric applies, if stated
 * @param totalPoints the total of all sections
 * @param passLine the lowest passing total (合格线), if any
 * @param gradeBands named bands of totals, highest first; may be empty
 * @param bonus how bonus points count
 * @param sections the sections, in order
 * @param rounds how the rounds of an assessment combine, or null when the rubric is scored in one round
 */
public record RubricDefinition(
        String id,
        String title,
        String issuer,
        Integer year,
        String version,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        BigDecimal totalPoints,
        BigDecimal passLine,
        List<GradeBand> gradeBands,
        BonusPolicy bonus,
        List<Section> sections,
        RoundPolicy rounds) {

    /** Validates the fields. */
    public RubricDefinition {
        text(id, "id");
        text(title, "title");
        text(version, "version");
        required(totalPoints, "totalPoints");
        gradeBands = copy(gradeBands);
        bonus = bonus == null ? BonusPolicy.UNCAPPED : bonus;
        sections = copy(sections);
    }

    /**
     * A rubric scored in one round, without a {@code rounds} declaration.
     *
     * @param id a stable identifier
     * @param title the rubric's title
     * @param issuer who issued it
     * @param year the assessment year, if stated
     * @param version the version of this encoding
     * @param effectiveFrom first day the rubric applies, if stated
     * @param effectiveTo last day the rubric applies, if stated
     * @param totalPoints the total of all sections
     * @param passLine the lowest passing total, if any
     * @param gradeBands named bands of totals, highest first
     * @param bonus how bonus points count
     * @param sections the sections, in order
     */
    public RubricDefinition(String id, String title, String issuer, Integer year, String version, LocalDate effectiveFrom,
            LocalDate effectiveTo, BigDecimal totalPoints, BigDecimal passLine, List<GradeBand> gradeBands,
            BonusPolicy bonus, List<Section> sections) {
        this(id, title, issuer, year, version, effectiveFrom, effectiveTo, totalPoints, passLine, gradeBands, bonus,
                sections, null);
    }

    /** @return every item of every section, in order */
    public Stream<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    /**
     * @param itemId an item's id
     * @return the item, if declared
     */
    public Optional<Item> item(String itemId) {
        return items().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /**
     * @param itemId an item's id
     * @return the section holding the item, if declared
     */
    public Optional<Section> sectionOf(String itemId) {
        return sections.stream().filter(s -> s.items().stream().anyMatch(i -> i.id().equals(itemId))).findFirst();
    }
}
