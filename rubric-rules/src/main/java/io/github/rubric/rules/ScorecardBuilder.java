package io.github.rubric.rules;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Judgement;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.SubjectRef;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.result.VetoKind;
import io.github.rubric.model.structure.BonusPolicy;
import io.github.rubric.model.structure.Grade;
import io.github.rubric.model.structure.GradeBand;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Applies a rubric's semantics to what its rules reported, once for every rubric: item floors and maxima
 * (扣完为止), zeroing (不得分), grades and discretionary points, pooled sections, vetoes (一票否决), the bonus
 * pool (就高不就低, cap, threshold), the pass line and the grade bands.
 */
final class ScorecardBuilder {
    private static final Comparator<String> EVIDENCE_KEY_ORDER = EvidenceIndex::compareNatural;
    // by rule, then reason, then evidence: written out, as an item's entries are sorted on every evaluation
    private static final Comparator<Deduction> DEDUCTION_ORDER = (a, b) -> compare(a.rule(), b.rule(), a.reason(),
            b.reason(), a.evidence(), b.evidence());
    private static final Comparator<Finding> FINDING_ORDER = (a, b) -> compare(a.rule(), b.rule(), a.reason(),
            b.reason(), a.evidence(), b.evidence());
    private static final Comparator<Exemption> EXEMPTION_ORDER = (a, b) -> compare(a.rule(), b.rule(), a.reason(),
            b.reason(), a.evidence(), b.evidence());
    private static final Comparator<Veto> VETO_ORDER = Comparator.comparing(Veto::item).thenComparing(Veto::rule)
            .thenComparing(Veto::reason, EvidenceIndex::compareNatural).thenComparing(v -> evidenceKey(v.evidence()), EVIDENCE_KEY_ORDER);

    private ScorecardBuilder() {
    }

    static Scorecard build(ItemIndex index, RubricRef ref, FactSet facts, Tally tally) {
        RubricDefinition rubric = index.definition();
        Map<String, Judgement> judgements = judgements(index, facts, path -> 0);
        List<Veto> vetoes = new ArrayList<>(tally.vetoes);
        vetoes.sort(VETO_ORDER);

        List<Section> rubricSections = rubric.sections();
        List<SectionScore> sections = new ArrayList<>(rubricSections.size());
        BigDecimal sectionTotal = BigDecimal.ZERO;
        for (int s = 0; s < rubricSections.size(); s++) {
            Section section = rubricSections.get(s);
            ItemIndex.Untouched untouched = index.untouched().get(s);
            List<Item> sectionItems = section.items();
            List<ItemScore> items = new ArrayList<>(sectionItems.size());
            // a veto may zero the section, which its untouched score does not say
            boolean allUntouched = vetoes.isEmpty();
            for (int i = 0; i < sectionItems.size(); i++) {
                Item item = sectionItems.get(i);
                ItemScore score = untouched.item(i);
                Tally.Entries entries = tally.items.get(item.id());
                if (score == null || entries != null) {
                    score = item(item, judgements.get(item.id()), entries, score);
                    allUntouched = false;
                }
                items.add(score);
            }
            SectionScore score = allUntouched && untouched.section() != null ? untouched.section()
                    : section(section, items, vetoes);
            sections.add(score);
            sectionTotal = sectionTotal.add(score.score());
        }
        sectionTotal = Points.normalize(sectionTotal);

        List<Bonus> bonuses = bonuses(rubric.bonus(), tally.bonuses, sectionTotal);
        BigDecimal bonusSum = BigDecimal.ZERO;
        for (Bonus bonus : bonuses) {
            bonusSum = bonusSum.add(bonus.counted());
        }
        BigDecimal bonusTotal = Points.normalize(bonusSum);
        BigDecimal total = Points.normalize(sectionTotal.add(bonusTotal));

        boolean failedByVeto = false;
        for (Veto veto : vetoes) {
            failedByVeto |= veto.kind() == VetoKind.FAIL;
        }
        Boolean passed = rubric.passLine() == null ? null : !failedByVeto && total.compareTo(rubric.passLine()) >= 0;
        String grade = grade(rubric.gradeBands(), total, vetoes, failedByVeto);

        return new Scorecard(ref, SubjectRef.of(facts.subject()), facts.period().start(), facts.period().end(),
                facts.round().name(), facts.source(), sectionTotal, bonusTotal, total, passed, grade, sections,
                bonuses, vetoes);
    }

    /**
     * Checks the assessors' judgements against the rubric: each names a discretionary or graded item, once, with
     * points in range or a declared grade, and every such item has one.
     *
     * @param items the rubric's items
     * @param facts the facts the judgements are among
     * @param lineOf the line of a field path in the facts file ({@code judgements[2].points}), or 0 if unknown
     * @return the judgements by item id
     * @throws FactsException naming the judgement's path and line
     */
    static Map<String, Judgement> judgements(ItemIndex items, FactSet facts, ToIntFunction<String> lineOf) {
        RubricDefinition rubric = items.definition();
        Map<String, Judgement> byItem = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        int index = 0;
        for (Object fact : facts.facts()) {
            if (!(fact instanceof Judgement j)) {
                continue;
            }
            // Judgements are read in file order from the one 'judgements' list: this is its index there. The path
            // is written out only for an error.
            int position = index++;
            Item item = items.byId().get(j.item());
            if (item == null) {
                throw fail(facts, lineOf, judgement(position) + ".item", "item '" + j.item() + "' is not in rubric "
                        + rubric.id() + "; items: " + rubric.items().map(Item::id).collect(Collectors.joining(", ")));
            }
            Integer earlier = positions.putIfAbsent(j.item(), position);
            if (earlier != null) {
                throw fail(facts, lineOf, judgement(position) + ".item",
                        "item '" + j.item() + "' is judged twice (also in " + judgement(earlier) + ")");
            }
            byItem.put(j.item(), j);
            if (item.discretionary()) {
                if (j.points() == null || j.grade() != null) {
                    throw fail(facts, lineOf, judgement(position), "item '" + item.id() + "' (" + item.title()
                            + ") is discretionary (酌情评分): give its 'points', from 0 to " + Points.format(item.maxPoints()));
                }
                if (j.points().compareTo(item.maxPoints()) > 0) {
                    throw fail(facts, lineOf, judgement(position) + ".points", "must be from 0 to "
                            + Points.format(item.maxPoints()) + " for item '" + item.id() + "', was "
                            + Points.format(j.points()));
                }
            } else if (item.graded()) {
                if (j.grade() == null || j.points() != null) {
                    throw fail(facts, lineOf, judgement(position), "item '" + item.id() + "' (" + item.title()
                            + ") is graded: give its 'grade', one of " + gradeNames(item));
                }
                if (item.grade(j.grade()).isEmpty()) {
                    throw fail(facts, lineOf, judgement(position) + ".grade", "unknown grade '" + j.grade()
                            + "' for item '" + item.id() + "'; expected one of " + gradeNames(item));
                }
            } else {
                throw fail(facts, lineOf, judgement(position) + ".item", "item '" + item.id() + "' ("
                        + item.title() + ") is scored by its rules; judgements are for discretionary or graded items");
            }
        }
        for (Item i : items.judged()) {
            if (!byItem.containsKey(i.id())) {
                throw fail(facts, lineOf, "judgements", "item '" + i.id() + "' (" + i.title() + ") needs "
                        + (i.discretionary() ? "an assessor's points (酌情评分), from 0 to " + Points.format(i.maxPoints())
                        : "an assessor's grade, one of " + gradeNames(i)) + "; add a judgement for it");
            }
        }
        return byItem;
    }

    private static String judgement(int position) {
        return "judgements[" + position + "]";
    }

    private static FactsException fail(FactSet facts, ToIntFunction<String> lineOf, String path, String problem) {
        return new FactsException(facts.source(), lineOf.applyAsInt(path), path, problem);
    }

    private static String gradeNames(Item item) {
        return item.grades().stream().map(g -> g.name() + " (" + Points.format(g.points()) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * @param item the item
     * @param judgement the assessor's judgement of a discretionary or graded item; null for one its rules score
     * @param entries what the rules reported on the item; null for nothing
     * @param untouched the item's score when no rule reports on it, whose basis and its note are the item's too;
     *     null for an item an assessor judges, and while that score is made
     * @return the item's score
     */
    static ItemScore item(Item item, Judgement judgement, Tally.Entries entries, ItemScore untouched) {
        BigDecimal basis;
        String basisNote;
        if (untouched != null) {
            basis = untouched.basis();
            basisNote = untouched.basisNote();
        } else {
            basis = item.maxPoints();
            basisNote = "满分" + Points.format(basis) + "分";
        }
        if (item.discretionary()) {
            basis = judgement.points();
            basisNote = "酌情评分" + Points.format(basis) + "分" + (judgement.note() == null ? "" : "：" + judgement.note());
        } else if (item.graded()) {
            Grade grade = item.grade(judgement.grade()).orElseThrow();
            basis = grade.points();
            basisNote = "评定等次" + grade.name() + "，得" + Points.format(basis) + "分"
                    + (judgement.note() == null ? "" : "：" + judgement.note());
        }
        List<Deduction> deductions = entries == null ? List.of() : sorted(entries.deductions, DEDUCTION_ORDER);
        List<Finding> findings = entries == null ? List.of() : sorted(entries.findings, FINDING_ORDER);
        List<Exemption> exemptions = entries == null ? List.of() : sorted(entries.exemptions, EXEMPTION_ORDER);

        BigDecimal deducted = BigDecimal.ZERO;
        boolean zeroed = false;
        for (Deduction d : deductions) {
            if (d.zeroes()) {
                zeroed = true;
            } else {
                deducted = deducted.add(d.points());
            }
        }
        String note = "";
        BigDecimal score;
        if (zeroed) {
            score = BigDecimal.ZERO;
            note = "本项不得分";
        } else {
            BigDecimal raw = basis.subtract(deducted);
            score = Points.clamp(raw, BigDecimal.ZERO, item.maxPoints());
            if (raw.signum() < 0) {
                note = "扣分合计" + Points.format(deducted) + "分，超过本项" + Points.format(basis) + "分，扣完为止，得0分";
            }
        }
        return new ItemScore(item.id(), item.title(), item.maxPoints(), Points.normalize(basis), basisNote,
                Points.normalize(score), deductions, findings, exemptions, note);
    }

    /**
     * @param section the section
     * @param items its items' scores, in its order
     * @param vetoes the evaluation's vetoes, some of which may zero the section
     * @return the section's score: pooled or summed, zeroed by a veto
     */
    static SectionScore section(Section section, List<ItemScore> items, List<Veto> vetoes) {
        BigDecimal score;
        String note = "";
        if (section.pooled()) {
            BigDecimal lost = BigDecimal.ZERO;
            for (ItemScore item : items) {
                lost = lost.add(item.maxPoints().subtract(item.score()));
            }
            BigDecimal raw = section.maxPoints().subtract(lost);
            score = Points.clamp(raw, BigDecimal.ZERO, section.maxPoints());
            if (raw.signum() < 0) {
                note = "本栏目扣分合计" + Points.format(lost) + "分，直至" + Points.format(section.maxPoints()) + "分扣完，得0分";
            }
        } else {
            score = BigDecimal.ZERO;
            for (ItemScore item : items) {
                score = score.add(item.score());
            }
        }
        List<Veto> zeroing = new ArrayList<>(0);
        for (Veto veto : vetoes) {
            if (veto.kind() == VetoKind.ZERO_SECTION && veto.target().equals(section.id())) {
                zeroing.add(veto);
            }
        }
        if (!zeroing.isEmpty()) {
            score = BigDecimal.ZERO;
            note = "一票否决，本栏目得0分：" + zeroing.get(0).reason();
        }
        return new SectionScore(section.id(), section.title(), section.maxPoints(), Points.normalize(score), items, note);
    }

    /**
     * Counts claimed bonuses: the highest per achievement (就高不就低), none under the policy's threshold, up to
     * its cap. Also applied by {@link RoundCombiner} to a combined total.
     */
    static List<Bonus> bonuses(BonusPolicy policy, List<Bonus> claimed, BigDecimal sectionTotal) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<Bonus> sorted = new ArrayList<>(claimed);
        // Ties broken by evidence, so that which of two equal bonuses counts does not depend on firing order.
        sorted.sort(Comparator.comparing(Bonus::achievement).thenComparing(Bonus::points, Comparator.reverseOrder())
                .thenComparing(Bonus::rule).thenComparing(Bonus::reason)
                .thenComparing(b -> evidenceKey(b.evidence()), EVIDENCE_KEY_ORDER));
        Map<String, Bonus> highest = new LinkedHashMap<>();
        for (Bonus b : sorted) {
            highest.putIfAbsent(b.achievement(), b);
        }
        boolean belowThreshold = policy.minimumTotal() != null && sectionTotal.compareTo(policy.minimumTotal()) < 0;
        List<Bonus> counted = new ArrayList<>(highest.values());
        counted.sort(Comparator.comparing(Bonus::points, Comparator.reverseOrder()).thenComparing(Bonus::achievement));
        Map<Bonus, BigDecimal> allowed = new java.util.IdentityHashMap<>();
        Map<Bonus, String> notes = new java.util.IdentityHashMap<>();
        BigDecimal remaining = policy.cap();
        for (Bonus b : counted) {
            if (belowThreshold) {
                allowed.put(b, BigDecimal.ZERO);
                notes.put(b, "总分" + Points.format(sectionTotal) + "分，低于" + Points.format(policy.minimumTotal())
                        + "分，不予加分");
                continue;
            }
            BigDecimal points = b.points();
            if (remaining != null) {
                if (points.compareTo(remaining) > 0) {
                    points = remaining;
                    notes.put(b, "奖励加分总分最高不超过" + Points.format(policy.cap()) + "分");
                }
                remaining = remaining.subtract(points);
            }
            allowed.put(b, points);
        }
        List<Bonus> result = new ArrayList<>();
        for (Bonus b : sorted) {
            if (allowed.containsKey(b)) {
                result.add(new Bonus(b.rule(), b.achievement(), b.points(), Points.normalize(allowed.get(b)), b.reason(),
                        notes.getOrDefault(b, ""), b.evidence()));
            } else {
                result.add(new Bonus(b.rule(), b.achievement(), b.points(), BigDecimal.ZERO, b.reason(),
                        "同一事项获多次奖励的只按最高一次加分（就高不就低）", b.evidence()));
            }
        }
        return result;
    }

    /** The grade band of a total, after vetoes; also applied by {@link RoundCombiner} to a combined total. */
    static String grade(List<GradeBand> bands, BigDecimal total, List<Veto> vetoes, boolean failed) {
        if (bands.isEmpty()) {
            return "";
        }
        int index = bands.size() - 1;
        for (int i = 0; i < bands.size(); i++) {
            if (total.compareTo(bands.get(i).min()) >= 0) {
                index = i;
                break;
            }
        }
        for (Veto veto : vetoes) {
            if (veto.kind() == VetoKind.CAP_GRADE) {
                for (int i = 0; i < bands.size(); i++) {
                    if (bands.get(i).name().equals(veto.target())) {
                        index = Math.max(index, i);
                    }
                }
            }
        }
        if (failed) {
            index = bands.size() - 1;
        }
        return bands.get(index).name();
    }

    private static <T> List<T> sorted(List<T> values, Comparator<T> order) {
        if (values.size() <= 1) {
            return values;
        }
        List<T> copy = new ArrayList<>(values);
        copy.sort(order);
        return copy;
    }

    /**
     * The order of an item's entries: by rule name, then reason (runs of digits as numbers), then evidence ids. The
     * entries of one rule share the name's string, which is then not compared.
     */
    private static int compare(String ruleA, String ruleB, String reasonA, String reasonB, List<Evidence> evidenceA,
                               List<Evidence> evidenceB) {
        int c = ruleA == ruleB ? 0 : ruleA.compareTo(ruleB);
        if (c == 0) {
            c = EvidenceIndex.compareNatural(reasonA, reasonB);
        }
        return c != 0 ? c : EVIDENCE_KEY_ORDER.compare(evidenceKey(evidenceA), evidenceKey(evidenceB));
    }

    private static String evidenceKey(List<Evidence> evidence) {
        if (evidence.size() == 1) {
            return evidence.get(0).id();
        }
        StringBuilder key = new StringBuilder();
        for (Evidence e : evidence) {
            key.append(key.length() == 0 ? "" : ",").append(e.id());
        }
        return key.toString();
    }
}
