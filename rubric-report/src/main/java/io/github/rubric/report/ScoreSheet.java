package io.github.rubric.report;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.rules.Scorecards;
import io.github.rubric.rules.batch.Standing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One subject's score sheet in the shape of the rubric's form: 项目 / 内容与要求 / 分值 / 考核标准 / 自查得分 /
 * 复查得分 / 扣分说明. The self-assessment column holds the {@code SELF} round when the subject has one; the
 * other score column holds the ranked round when it is not {@code SELF}. The explanations are the ranked
 * round's.
 */
record ScoreSheet(Standing standing, Scorecard self, Scorecard review, String reviewHeader, List<Row> rows) {
    /** The form's column headers, the review column's aside. */
    static final String ITEM = "项目";
    static final String REQUIREMENT = "内容与要求";
    static final String MAX_POINTS = "分值";
    static final String CRITERIA = "考核标准";
    static final String SELF = "自查得分";
    static final String EXPLANATION = "扣分说明";

    /** What a row of the sheet is. */
    enum Kind { SECTION, ITEM, SUBTOTAL, BONUS, VETO, TOTAL }

    /**
     * A row of the form; the points of a column the subject has no round for are null.
     */
    record Row(Kind kind, String item, String requirement, BigDecimal maxPoints, String criteria, BigDecimal self,
               BigDecimal review, String explanation) {
    }

    static ScoreSheet of(RubricDefinition definition, Standing standing) {
        Scorecard ranked = standing.scorecard();
        boolean rankedIsSelf = ranked.round().equals(Round.SELF.name());
        Scorecard self = rankedIsSelf ? ranked : standing.round(Round.SELF).orElse(null);
        Scorecard review = rankedIsSelf ? null : ranked;
        String reviewHeader = rankedIsSelf || ranked.round().equals(Round.REVIEW.name())
                ? "复查得分" : roundLabel(ranked.round()) + "得分";
        List<Row> rows = new ArrayList<>();
        boolean sectioned = ranked.sections().size() > 1;
        for (SectionScore section : ranked.sections()) {
            if (sectioned) {
                rows.add(new Row(Kind.SECTION, section.title(), "", section.maxPoints(), "",
                        sectionScore(self, section.id()), sectionScore(review, section.id()), section.note()));
            }
            for (ItemScore item : section.items()) {
                Optional<Item> declared = definition.item(item.id());
                rows.add(new Row(Kind.ITEM, item.id() + " " + item.title(),
                        declared.map(Item::requirement).orElse(""), item.maxPoints(),
                        declared.map(Item::criteria).orElse(""), itemScore(self, item.id()),
                        itemScore(review, item.id()), String.join("\n", Scorecards.explanation(item))));
            }
        }
        rows.add(new Row(Kind.SUBTOTAL, "小计", "", definition.totalPoints(), "",
                self == null ? null : self.sectionTotal(), review == null ? null : review.sectionTotal(), ""));
        for (Bonus bonus : ranked.bonuses()) {
            rows.add(new Row(Kind.BONUS, "加分", "", bonus.points(), bonus.achievement(),
                    rankedIsSelf ? bonus.counted() : null, rankedIsSelf ? null : bonus.counted(),
                    bonus.reason() + (bonus.note().isEmpty() ? "" : "（" + bonus.note() + "）") + cite(bonus.evidence())));
        }
        for (Veto veto : ranked.vetoes()) {
            rows.add(new Row(Kind.VETO, "一票否决", "", null, veto.item(), null, null,
                    veto.reason() + cite(veto.evidence())));
        }
        rows.add(new Row(Kind.TOTAL, "总分", "", null, "", self == null ? null : self.total(),
                review == null ? null : review.total(), verdict(ranked)));
        return new ScoreSheet(standing, self, review, reviewHeader, rows);
    }

    private static BigDecimal sectionScore(Scorecard card, String id) {
        return card == null ? null : card.section(id).map(SectionScore::score).orElse(null);
    }

    private static BigDecimal itemScore(Scorecard card, String id) {
        return card == null ? null : card.item(id).map(ItemScore::score).orElse(null);
    }

    private static String cite(List<Evidence> evidence) {
        return evidence.isEmpty() ? ""
                : " [" + evidence.stream().map(Evidence::id).collect(Collectors.joining(", ")) + "]";
    }

    /** @return 合格 or 不合格 and the grade, as the form's last line says it */
    static String verdict(Scorecard card) {
        String passed = card.passed() == null ? "" : card.passed() ? "合格" : "不合格";
        String grade = card.grade().isEmpty() ? "" : "等次：" + card.grade();
        return (passed + "  " + grade).strip();
    }

    /** @return the round's Chinese name (复查), or the round itself when it is not one of {@link Round} */
    static String roundLabel(String round) {
        for (Round r : Round.values()) {
            if (r.name().equals(round)) {
                return r.label();
            }
        }
        return round;
    }

    /** @return the points as the form prints them, or empty for none */
    static String format(BigDecimal points) {
        return points == null ? "" : Points.format(points);
    }
}
