package io.github.rubric.model.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;

/**
 * The result of scoring one subject for one period and round against one rubric version.
 *
 * @param rubric the rubric that produced it
 * @param subject who was assessed
 * @param periodStart first day of the period
 * @param periodEnd last day of the period
 * @param round the round ({@code SELF}, {@code REVIEW}…)
 * @param source where the facts came from
 * @param sectionTotal the sum of the sections' scores
 * @param bonusTotal the bonus points that count
 * @param total the total: sections plus bonus
 * @param passed whether the total reaches the pass line and no veto failed it; absent when the rubric has no
 *     pass line
 * @param grade the grade band, or empty when the rubric declares none
 * @param sections the sections' scores, in the rubric's order
 * @param bonuses the bonuses claimed, in a stable order
 * @param vetoes the vetoes, in a stable order
 */
public record Scorecard(
        RubricRef rubric,
        SubjectRef subject,
        LocalDate periodStart,
        LocalDate periodEnd,
        String round,
        String source,
        BigDecimal sectionTotal,
        BigDecimal bonusTotal,
        BigDecimal total,
        Boolean passed,
        String grade,
        List<SectionScore> sections,
        List<Bonus> bonuses,
        List<Veto> vetoes) {

    /** Validates the fields. */
    public Scorecard {
        required(rubric, "rubric");
        required(subject, "subject");
        required(periodStart, "periodStart");
        required(periodEnd, "periodEnd");
        required(round, "round");
        required(source, "source");
        required(sectionTotal, "sectionTotal");
        required(bonusTotal, "bonusTotal");
        required(total, "total");
        grade = grade == null ? "" : grade;
        sections = copy(sections);
        bonuses = copy(bonuses);
        vetoes = copy(vetoes);
    }

    /**
     * @param itemId an item's id
     * @return the item's score, if the rubric has the item
     */
    public Optional<ItemScore> item(String itemId) {
        return sections.stream().flatMap(s -> s.items().stream()).filter(i -> i.id().equals(itemId)).findFirst();
    }

    /**
     * @param sectionId a section's id
     * @return the section's score, if the rubric has the section
     */
    public Optional<SectionScore> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /** @return every deduction of every item, in order */
    public List<Deduction> deductions() {
        return sections.stream().flatMap(s -> s.items().stream()).flatMap(i -> i.deductions().stream()).toList();
    }

    /** @return every finding of every item, in order */
    public List<Finding> findings() {
        return sections.stream().flatMap(s -> s.items().stream()).flatMap(i -> i.findings().stream()).toList();
    }
}
