package io.github.rubric.rules;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SubjectRef;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two versions of a rubric (last year's and this year's edition, say): what changed in the table, and
 * what the same facts score under each, per subject and per item, with the reasons on each side.
 *
 * <pre>{@code
 * RubricDiff diff = RubricDiff.between(Rubric.fromFile(v2024), Rubric.fromFile(v2025));
 * RubricDiff.Report report = diff.compare(List.of(Path.of("branch-a.yaml"), Path.of("branch-b.yaml")));
 * System.out.print(report.toText());
 * }</pre>
 *
 * <p>Items are matched by id. Each facts file is read once per version, so each version's own declared types
 * apply.
 */
public final class RubricDiff {
    private final Rubric before;
    private final Rubric after;

    private RubricDiff(Rubric before, Rubric after) {
        this.before = Objects.requireNonNull(before, "before must not be null");
        this.after = Objects.requireNonNull(after, "after must not be null");
    }

    /**
     * @param before the earlier version
     * @param after the later version
     * @return a comparison of the two
     */
    public static RubricDiff between(Rubric before, Rubric after) {
        return new RubricDiff(before, after);
    }

    /**
     * How one item scored under each version, when the scores or the reasons differ.
     *
     * @param item the item's id
     * @param title the item's title (the later version's, when it has the item)
     * @param before the score under the earlier version, or null when that version lacks the item
     * @param after the score under the later version, or null when that version lacks the item
     * @param reasonsBefore the deductions under the earlier version, as {@code -1.5 reason}
     * @param reasonsAfter the deductions under the later version
     */
    public record ItemDiff(String item, String title, BigDecimal before, BigDecimal after, List<String> reasonsBefore,
                           List<String> reasonsAfter) {
        /** Copies the lists. */
        public ItemDiff {
            Objects.requireNonNull(item, "item must not be null");
            reasonsBefore = List.copyOf(reasonsBefore);
            reasonsAfter = List.copyOf(reasonsAfter);
        }

        /** @return the change in points (after minus before), treating a missing item as 0 */
        public BigDecimal change() {
            return Points.normalize((after == null ? BigDecimal.ZERO : after).subtract(before == null ? BigDecimal.ZERO : before));
        }
    }

    /**
     * One subject's scorecards under both versions.
     *
     * @param subject the subject
     * @param source the facts file
     * @param before the scorecard under the earlier version
     * @param after the scorecard under the later version
     * @param items the items whose score or reasons differ, in the later version's order
     * @param notes remarks, such as a period outside a version's effective dates
     */
    public record SubjectDiff(SubjectRef subject, String source, Scorecard before, Scorecard after, List<ItemDiff> items,
                              List<String> notes) {
        /** Copies the lists. */
        public SubjectDiff {
            Objects.requireNonNull(before, "before must not be null");
            Objects.requireNonNull(after, "after must not be null");
            items = List.copyOf(items);
            notes = List.copyOf(notes);
        }

        /** @return the change of the total (after minus before) */
        public BigDecimal totalChange() {
            return Points.normalize(after.total().subtract(before.total()));
        }

        /** @return whether anything differs: the total, the grade, the pass, or any item */
        public boolean changed() {
            return totalChange().signum() != 0 || !before.grade().equals(after.grade())
                    || !Objects.equals(before.passed(), after.passed()) || !items.isEmpty();
        }
    }

    /**
     * The comparison.
     *
     * @param before the earlier version
     * @param after the later version
     * @param changes what changed in the rubric's table (items, points, criteria, pass line, effective dates)
     * @param subjects one entry per facts file, in the order given
     */
    public record Report(RubricRef before, RubricRef after, List<String> changes, List<SubjectDiff> subjects) {
        /** Copies the lists. */
        public Report {
            changes = List.copyOf(changes);
            subjects = List.copyOf(subjects);
        }

        /** @return the report as text: the versions, the table's changes, then per subject the items that differ */
        public String toText() {
            StringBuilder out = new StringBuilder();
            out.append("版本比较：").append(after.title()).append('\n');
            out.append("  原版本 ").append(before.version()).append("（sha256 ").append(before.sha256(), 0, 12).append("）\n");
            out.append("  新版本 ").append(after.version()).append("（sha256 ").append(after.sha256(), 0, 12).append("）\n");
            out.append(changes.isEmpty() ? "细则无变化\n" : "细则变化：\n");
            changes.forEach(c -> out.append("  ").append(c).append('\n'));
            for (SubjectDiff s : subjects) {
                out.append('\n').append(s.subject().name()).append("（").append(s.source()).append("）：总分 ")
                        .append(Points.format(s.before().total())).append(" → ").append(Points.format(s.after().total()));
                if (s.totalChange().signum() != 0) {
                    out.append("（").append(signed(s.totalChange())).append("）");
                }
                if (!s.before().grade().equals(s.after().grade())) {
                    out.append("，等次 ").append(s.before().grade()).append(" → ").append(s.after().grade());
                }
                if (!Objects.equals(s.before().passed(), s.after().passed())) {
                    out.append("，").append(pass(s.before().passed())).append(" → ").append(pass(s.after().passed()));
                }
                out.append(s.changed() ? "" : "，无变化").append('\n');
                for (ItemDiff item : s.items()) {
                    out.append("  ").append(item.item()).append(' ').append(item.title()).append("：")
                            .append(show(item.before())).append(" → ").append(show(item.after()));
                    if (item.change().signum() != 0) {
                        out.append("（").append(signed(item.change())).append("）");
                    }
                    out.append('\n');
                    reasons(out, before.version(), item.reasonsBefore());
                    reasons(out, after.version(), item.reasonsAfter());
                }
                s.notes().forEach(n -> out.append("  注意：").append(n).append('\n'));
            }
            return out.toString();
        }

        private static void reasons(StringBuilder out, String version, List<String> reasons) {
            out.append("    ").append(version).append("：").append(reasons.isEmpty() ? "未扣分" : reasons.get(0)).append('\n');
            String indent = " ".repeat(4 + Scorecards.width(version) + 2);
            reasons.stream().skip(1).forEach(r -> out.append(indent).append(r).append('\n'));
        }

        private static String show(BigDecimal points) {
            return points == null ? "（无此项）" : Points.format(points);
        }

        private static String signed(BigDecimal change) {
            return (change.signum() > 0 ? "+" : "") + Points.format(change);
        }

        private static String pass(Boolean passed) {
            return passed == null ? "无合格线" : passed ? "合格" : "不合格";
        }
    }

    /**
     * Scores each facts file under both versions.
     *
     * @param factsFiles facts files, YAML or JSON
     * @return the comparison
     * @throws FactsException if a file cannot be read under either version
     */
    public Report compare(List<Path> factsFiles) {
        List<SubjectDiff> subjects = new ArrayList<>();
        for (Path file : factsFiles) {
            subjects.add(compare(before.readFacts(file), after.readFacts(file)));
        }
        return new Report(before.ref(), after.ref(), changes(), subjects);
    }

    /**
     * Scores one subject's facts under both versions. Each version reads its facts itself, because the types a
     * rubric declares are its own: read them with {@link Rubric#readFacts} of each.
     *
     * @param factsBefore the facts as the earlier version read them
     * @param factsAfter the same facts as the later version read them
     * @return the subject's comparison
     */
    public SubjectDiff compare(FactSet factsBefore, FactSet factsAfter) {
        Scorecard a = before.score(factsBefore);
        Scorecard b = after.score(factsAfter);
        Map<String, ItemScore> itemsBefore = items(a);
        Map<String, ItemScore> itemsAfter = items(b);
        Set<String> ids = new LinkedHashSet<>(itemsAfter.keySet());
        ids.addAll(itemsBefore.keySet());
        List<ItemDiff> items = new ArrayList<>();
        for (String id : ids) {
            ItemScore x = itemsBefore.get(id);
            ItemScore y = itemsAfter.get(id);
            List<String> rx = reasons(x);
            List<String> ry = reasons(y);
            boolean sameScore = x != null && y != null && x.score().compareTo(y.score()) == 0;
            if (!sameScore || !rx.equals(ry)) {
                items.add(new ItemDiff(id, y != null ? y.title() : x.title(), x == null ? null : x.score(),
                        y == null ? null : y.score(), rx, ry));
            }
        }
        List<String> notes = new ArrayList<>();
        note(notes, before.definition(), factsBefore);
        note(notes, after.definition(), factsAfter);
        return new SubjectDiff(b.subject(), factsAfter.source(), a, b, items, notes);
    }

    /** @return what changed in the rubric's table between the two versions, one line per change */
    public List<String> changes() {
        RubricDefinition x = before.definition();
        RubricDefinition y = after.definition();
        List<String> changes = new ArrayList<>();
        change(changes, "标题", x.title(), y.title());
        change(changes, "总分", Points.format(x.totalPoints()), Points.format(y.totalPoints()));
        change(changes, "合格线", x.passLine() == null ? "无" : Points.format(x.passLine()),
                y.passLine() == null ? "无" : Points.format(y.passLine()));
        change(changes, "有效期", effective(x), effective(y));
        change(changes, "等次", bands(x), bands(y));
        Map<String, Item> xs = x.items().collect(Collectors.toMap(Item::id, Function.identity()));
        Map<String, Item> ys = y.items().collect(Collectors.toMap(Item::id, Function.identity()));
        for (Item i : x.items().toList()) {
            if (!ys.containsKey(i.id())) {
                changes.add(i.id() + " " + i.title() + "：删除（原" + Points.format(i.maxPoints()) + "分）");
            }
        }
        for (Item j : y.items().toList()) {
            Item i = xs.get(j.id());
            if (i == null) {
                changes.add(j.id() + " " + j.title() + "：新增（" + Points.format(j.maxPoints()) + "分）");
                continue;
            }
            String label = j.id() + " " + j.title() + "：";
            change(changes, label + "名称", i.title(), j.title());
            change(changes, label + "分值", Points.format(i.maxPoints()), Points.format(j.maxPoints()));
            change(changes, label + "内容与要求", i.requirement(), j.requirement());
            change(changes, label + "考核标准", i.criteria(), j.criteria());
        }
        Set<String> rulesBefore = before.ruleNames();
        Set<String> rulesAfter = after.ruleNames();
        rulesBefore.stream().filter(r -> !rulesAfter.contains(r)).forEach(r -> changes.add("规则删除：" + r));
        rulesAfter.stream().filter(r -> !rulesBefore.contains(r)).forEach(r -> changes.add("规则新增：" + r));
        return changes;
    }

    private static void change(List<String> changes, String what, String x, String y) {
        String a = x == null ? "" : x;
        String b = y == null ? "" : y;
        if (!a.equals(b)) {
            changes.add(what + (what.endsWith("：") ? "" : "：") + "“" + a + "” → “" + b + "”");
        }
    }

    private static String effective(RubricDefinition d) {
        if (d.effectiveFrom() == null && d.effectiveTo() == null) {
            return "未注明";
        }
        return (d.effectiveFrom() == null ? "" : d.effectiveFrom().toString()) + " 至 "
                + (d.effectiveTo() == null ? "" : d.effectiveTo().toString());
    }

    private static String bands(RubricDefinition d) {
        return d.gradeBands().stream().map(b -> b.name() + "≥" + Points.format(b.min())).collect(Collectors.joining("，"));
    }

    private static void note(List<String> notes, RubricDefinition d, FactSet facts) {
        LocalDate start = facts.period().start();
        LocalDate end = facts.period().end();
        boolean outside = (d.effectiveFrom() != null && end.isBefore(d.effectiveFrom()))
                || (d.effectiveTo() != null && start.isAfter(d.effectiveTo()));
        if (outside) {
            notes.add("考核期间 " + start + " 至 " + end + " 不在 " + d.version() + " 版的有效期（" + effective(d) + "）内");
        }
    }

    private static Map<String, ItemScore> items(Scorecard card) {
        Map<String, ItemScore> items = new java.util.LinkedHashMap<>();
        card.sections().forEach(s -> s.items().forEach(i -> items.put(i.id(), i)));
        return items;
    }

    private static List<String> reasons(ItemScore item) {
        if (item == null) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (Deduction d : item.deductions()) {
            reasons.add((d.zeroes() ? "不得分：" : "-" + Points.format(d.points()) + " ") + d.reason());
        }
        item.exemptions().forEach(e -> reasons.add("免扣：" + e.reason()));
        if (!item.note().isEmpty()) {
            reasons.add(item.note());
        }
        return reasons;
    }
}
