package io.github.rubric.rules;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.Subject;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.result.VetoKind;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.kie.api.runtime.rule.Match;

/**
 * What a rule's consequence calls to report what happened; available in every rubric file as the global
 * {@code score}. Rules state facts and criteria; the engine applies floors, caps, bonus pools, vetoes and
 * weights afterwards, once for every rubric.
 *
 * <p>Each call records an entry for the item named by the firing rule's {@code @item}, with the rule's name,
 * the points, the reason and the evidence: the facts the rule matched plus any passed explicitly. A reason
 * may hold placeholders, filled with the actual figures: {@code {points}} always; {@code {count}} in
 * {@link #deductEach} and {@link #progressive}; {@code {required}}, {@code {actual}} and {@code {missing}} in
 * {@link #shortfall}; {@code {value}}, {@code {outOf}} and {@code {converted}} in {@link #convert}.
 *
 * <p>Points are given as text ({@code "1.5"}) because DRL consequences have no decimal literal; they are
 * exact.
 *
 * <pre>{@code
 * rule "3.1 全年召开党员大会不少于4次，每少1次扣1分"
 *     @item("3")
 * when
 *     $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
 * then
 *     score.shortfall(4, $held, "1", "全年召开党员大会{actual}次，要求不少于{required}次，扣{points}分");
 * end
 * }</pre>
 */
public final class Scoring {
    private final String rubricFile;
    private final RubricDefinition definition;
    private final ItemIndex items;
    private final Map<String, RuleInfo> rules;
    private final EvidenceIndex evidence;
    private final Subject subject;
    private final Tally tally;
    private final Set<String> converted = new HashSet<>();
    private Match current;

    Scoring(String rubricFile, ItemIndex items, Map<String, RuleInfo> rules, EvidenceIndex evidence,
            Subject subject, Tally tally) {
        this.rubricFile = rubricFile;
        this.definition = items.definition();
        this.items = items;
        this.rules = rules;
        this.evidence = evidence;
        this.subject = subject;
        this.tally = tally;
    }

    /**
     * Lets evidence be found through the session the facts are in.
     *
     * @param held tells whether an object is one of the facts in the session; null once the session is given back
     */
    void attach(Predicate<Object> held) {
        evidence.attach(held);
    }

    void firing(Match match) {
        this.current = match;
        tally.fired(match.getRule().getName());
    }

    /**
     * Deducts fixed points from the rule's item.
     *
     * @param points the points, such as {@code "1"} or {@code "1.5"}
     * @param reason the reason in the rubric's language; {@code {points}} is filled in
     * @param facts further facts the deduction rests on, beyond those the rule matched
     */
    public void deduct(String points, String reason, Object... facts) {
        BigDecimal p = points(points);
        record(p, false, fill(reason, p, Map.of()), facts);
    }

    /**
     * Deducts points for each occurrence ("有1件扣1分"); nothing when the count is zero.
     *
     * @param count how many times the criterion was breached
     * @param pointsEach points per occurrence
     * @param reason the reason; {@code {count}} and {@code {points}} are filled in
     * @param facts further facts the deduction rests on
     */
    public void deductEach(int count, String pointsEach, String reason, Object... facts) {
        requireCount(count);
        if (count == 0) {
            return;
        }
        BigDecimal p = points(pointsEach).multiply(BigDecimal.valueOf(count));
        record(p, false, fill(reason, p, Map.of("count", count)), facts);
    }

    /**
     * Deducts for each occurrence short of a required number ("全年不少于4次，每少1次扣1分"); nothing when
     * enough were held. The facts held are the evidence.
     *
     * @param required the number required
     * @param held the facts that count towards it
     * @param pointsEach points per missing occurrence
     * @param reason the reason; {@code {required}}, {@code {actual}}, {@code {missing}} and {@code {points}}
     *     are filled in
     */
    public void shortfall(int required, Collection<?> held, String pointsEach, String reason) {
        requireCount(required);
        int missing = required - held.size();
        if (missing <= 0) {
            return;
        }
        BigDecimal p = points(pointsEach).multiply(BigDecimal.valueOf(missing));
        record(p, false, fill(reason, p, Map.of("required", required, "actual", held.size(), "missing", missing)),
                held.toArray());
    }

    /**
     * Deducts progressively ("每重复发生一起累进加扣5分"): the first occurrence costs {@code first}, each
     * further one costs {@code step} more than the one before (5, 10, 15…). The item's or section's floor
     * still applies ("直至20分扣完").
     *
     * @param occurrences the facts, one per occurrence
     * @param first points for the first occurrence
     * @param step the increase for each further occurrence
     * @param reason the reason; {@code {count}} and {@code {points}} are filled in
     */
    public void progressive(Collection<?> occurrences, String first, String step, String reason) {
        int n = occurrences.size();
        if (n == 0) {
            return;
        }
        BigDecimal f = points(first);
        BigDecimal s = points(step);
        // sum over k = 0..n-1 of (first + k * step) = n * first + step * n(n-1)/2
        BigDecimal total = f.multiply(BigDecimal.valueOf(n)).add(s.multiply(BigDecimal.valueOf((long) n * (n - 1) / 2)));
        record(total, false, fill(reason, total, Map.of("count", n)), occurrences.toArray());
    }

    /**
     * Scores the rule's item from a result on another scale ("考试成绩折合成本项成绩", "所得分数折合为本项得分"):
     * the item earns {@code value × maxPoints ÷ outOf}, rounded by the library's policy
     * ({@link Points#quotient}). What the converted points fall short of the item's maximum is recorded as a
     * deduction, so the item's other deductions and its floor still apply; nothing is recorded when the result
     * is at the top of its scale. An item is converted at most once per evaluation, and only an item scored by
     * its rules (not a graded or discretionary one).
     *
     * <pre>{@code
     * $total : BigDecimal() from accumulate( ExamResult( $s : score ), sum( $s ) )
     * ...
     * score.convert($total, 400, "业务考试成绩合计{value}分（满分{outOf}分），折合本项{converted}分", $exams);
     * }</pre>
     *
     * @param value the result, from 0 to {@code outOf}: an exam score, a rating, or the total of several;
     *     an integer or a {@code BigDecimal}, never a floating-point number
     * @param outOf the top of the result's scale (100, or 400 for four exams of 100), above zero
     * @param reason the reason; {@code {value}}, {@code {outOf}}, {@code {converted}} (the item's points) and
     *     {@code {points}} (the shortfall from the maximum) are filled in
     * @param facts further facts the result rests on
     */
    public void convert(Number value, Number outOf, String reason, Object... facts) {
        String itemId = itemOf("convert");
        Item item = items.item(itemId).orElseThrow();
        if (item.needsJudgement()) {
            throw new EvaluationException(where() + " converts a result into item '" + itemId + "', which is "
                    + (item.discretionary() ? "discretionary" : "graded") + "; only items scored by their rules convert");
        }
        BigDecimal v = decimal(value, "value");
        BigDecimal scale = decimal(outOf, "outOf");
        if (scale.signum() <= 0) {
            throw new EvaluationException(where() + " converts on a scale of " + Points.format(scale)
                    + "; the top of the scale must be above zero");
        }
        if (v.signum() < 0 || v.compareTo(scale) > 0) {
            throw new EvaluationException(where() + " converts the result " + Points.format(v) + ", which is not from 0 to "
                    + Points.format(scale) + " (evidence: " + cite(facts).stream().map(Evidence::id).toList() + ")");
        }
        if (!converted.add(itemId)) {
            throw new EvaluationException(where() + " converts a result into item '" + itemId
                    + "' a second time; an item's points come from one conversion");
        }
        BigDecimal points = Points.quotient(v.multiply(item.maxPoints()), scale);
        BigDecimal shortfall = Points.normalize(item.maxPoints().subtract(points));
        if (shortfall.signum() == 0) {
            return;
        }
        String text = fill(reason, shortfall, Map.of())
                .replace("{value}", Points.format(v))
                .replace("{outOf}", Points.format(scale))
                .replace("{converted}", Points.format(points));
        record(shortfall, false, text, facts);
    }

    private BigDecimal decimal(Number number, String name) {
        if (number == null) {
            throw new EvaluationException(where() + " converts with no " + name);
        }
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        throw new EvaluationException(where() + " converts " + name + " " + number + " of type "
                + number.getClass().getSimpleName() + "; points are exact: declare the field as java.math.BigDecimal or int");
    }

    /**
     * Zeroes the rule's item (不得分), whatever its other deductions.
     *
     * @param reason the reason in the rubric's language
     * @param facts further facts it rests on
     */
    public void zero(String reason, Object... facts) {
        BigDecimal max = items.item(itemOf("zero")).orElseThrow().maxPoints();
        record(max, true, fill(reason, max, Map.of()), facts);
    }

    /**
     * Records a compliance gap that carries no points.
     *
     * @param reason what is missing, in the rubric's language
     * @param facts further facts examined
     */
    public void finding(String reason, Object... facts) {
        String item = itemOf("finding");
        List<Evidence> cited = cite(facts);
        String exemption = exemption();
        if (exemption != null) {
            tally.add(new Exemption(ruleName(), item, reason, exemption, cited));
        } else {
            tally.add(new Finding(ruleName(), item, reason, cited));
        }
    }

    /**
     * Awards bonus points for an achievement, from a rule marked {@code @bonus}. Of several bonuses for the
     * same achievement only the highest counts; the rubric's cap and threshold apply to the sum.
     *
     * @param achievement what was achieved; the same text for the same event
     * @param points the points the criterion awards
     * @param reason the reason; {@code {points}} is filled in
     * @param facts further facts it rests on
     */
    public void bonus(String achievement, String points, String reason, Object... facts) {
        RuleInfo rule = rule();
        if (!rule.bonus()) {
            throw new EvaluationException(where() + " awards a bonus but is not marked @bonus");
        }
        if (achievement == null || achievement.isBlank()) {
            throw new EvaluationException(where() + " awards a bonus without naming the achievement");
        }
        BigDecimal p = points(points);
        tally.bonuses.add(new Bonus(rule.name(), achievement, p, p, fill(reason, p, Map.of()), "", cite(facts)));
    }

    /**
     * Vetoes the assessment (一票否决): it fails whatever the total.
     *
     * @param reason the reason in the rubric's language
     * @param facts further facts it rests on
     */
    public void failAssessment(String reason, Object... facts) {
        veto(VetoKind.FAIL, "", reason, facts);
    }

    /**
     * Vetoes the section of the rule's item: the section scores zero.
     *
     * @param reason the reason in the rubric's language
     * @param facts further facts it rests on
     */
    public void zeroSection(String reason, Object... facts) {
        String section = definition.sectionOf(itemOf("zeroSection")).orElseThrow().id();
        veto(VetoKind.ZERO_SECTION, section, reason, facts);
    }

    /**
     * Caps the grade: the subject cannot be graded above the named band.
     *
     * @param band a grade band the rubric declares
     * @param reason the reason in the rubric's language
     * @param facts further facts it rests on
     */
    public void capGrade(String band, String reason, Object... facts) {
        if (definition.gradeBands().stream().noneMatch(b -> b.name().equals(band))) {
            throw new EvaluationException(where() + " caps the grade at '" + band
                    + "', which is not one of the rubric's grade bands");
        }
        veto(VetoKind.CAP_GRADE, band, reason, facts);
    }

    private void veto(VetoKind kind, String target, String reason, Object... facts) {
        String item = itemOf("veto");
        List<Evidence> cited = cite(facts);
        String exemption = exemption();
        if (exemption != null) {
            tally.add(new Exemption(ruleName(), item, reason, exemption, cited));
            return;
        }
        tally.vetoes.add(new Veto(ruleName(), item, kind, target, reason, cited));
    }

    private void record(BigDecimal points, boolean zeroes, String reason, Object... facts) {
        String item = itemOf("deduct");
        List<Evidence> cited = cite(facts);
        String exemption = exemption();
        if (exemption != null) {
            tally.add(new Exemption(ruleName(), item, reason, exemption, cited));
            return;
        }
        tally.add(new Deduction(ruleName(), item, Points.normalize(points), zeroes, reason, cited));
    }

    private List<Evidence> cite(Object... facts) {
        List<Object> all = new ArrayList<>(current.getObjects());
        all.addAll(Arrays.asList(facts));
        return evidence.of(all);
    }

    /** @return why the subject is exempt from the firing rule, or null when it is not */
    private String exemption() {
        List<String> exempt = rule().exempt();
        if (exempt.isEmpty()) {
            return null;
        }
        for (String name : exempt) {
            boolean typeMatch = subject instanceof Organization o && o.type().name().equals(name);
            if (subject.name().equals(name) || subject.id().equals(name) || typeMatch) {
                return "评分标准注明" + String.join("、", exempt) + "除外";
            }
        }
        return null;
    }

    private String itemOf(String call) {
        RuleInfo rule = rule();
        if (rule.item() == null) {
            throw new EvaluationException(where() + " calls score." + call + " but names no @item");
        }
        return rule.item();
    }

    private RuleInfo rule() {
        if (current == null) {
            throw new EvaluationException(rubricFile + ": score was called outside a rule's consequence");
        }
        return rules.get(current.getRule().getName());
    }

    private String ruleName() {
        return current.getRule().getName();
    }

    private String where() {
        RuleInfo rule = rule();
        return rubricFile + ":" + rule.line() + ": rule \"" + rule.name() + "\"";
    }

    private BigDecimal points(String text) {
        try {
            BigDecimal p = Points.of(text);
            if (p.signum() < 0) {
                throw new EvaluationException(where() + " gives negative points " + text + "; points are positive");
            }
            return p;
        } catch (NumberFormatException | NullPointerException e) {
            throw new EvaluationException(where() + " gives points '" + text + "', which is not a decimal number", e);
        }
    }

    private void requireCount(int count) {
        if (count < 0) {
            throw new EvaluationException(where() + " passes a negative count " + count);
        }
    }

    private static String fill(String template, BigDecimal points, Map<String, Integer> figures) {
        String text = template.replace("{points}", Points.format(points));
        for (Map.Entry<String, Integer> figure : figures.entrySet()) {
            text = text.replace("{" + figure.getKey() + "}", String.valueOf(figure.getValue()));
        }
        return text;
    }
}
