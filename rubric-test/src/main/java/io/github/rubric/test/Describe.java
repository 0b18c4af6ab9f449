package io.github.rubric.test;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Veto;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How failure messages show scorecard entries: the way the text scorecard does, plus the rule behind each. */
final class Describe {
    private Describe() {
    }

    static String deduction(Deduction d) {
        return (d.zeroes() ? "不得分：" : "-" + Points.format(d.points()) + " ") + d.reason() + cite(d.evidence())
                + "  ← " + d.rule();
    }

    static String finding(Finding f) {
        return "发现：" + f.reason() + cite(f.evidence()) + "  ← " + f.rule();
    }

    static String exemption(Exemption e) {
        return "免扣：" + e.reason() + "（" + e.exemption() + "）  ← " + e.rule();
    }

    static String bonus(Bonus b) {
        return "+" + Points.format(b.counted()) + " (of " + Points.format(b.points()) + ") " + b.achievement() + ": "
                + b.reason() + (b.note().isEmpty() ? "" : "（" + b.note() + "）") + "  ← " + b.rule();
    }

    static String veto(Veto v) {
        return v.kind() + (v.target().isEmpty() ? "" : " " + v.target()) + ": " + v.reason() + cite(v.evidence())
                + "  ← " + v.rule();
    }

    /** @return the item's score line, e.g. {@code 3 三会一课: 5 of 6} */
    static String itemHeading(ItemScore item) {
        return item.id() + " " + item.title() + ": " + Points.format(item.score()) + " of " + Points.format(item.maxPoints());
    }

    /** @return every entry behind the item's score, one per line, each indented */
    static List<String> entries(ItemScore item, String indent) {
        List<String> lines = new ArrayList<>();
        if (!item.basisNote().startsWith("满分")) {
            lines.add(indent + item.basisNote());
        }
        item.deductions().forEach(d -> lines.add(indent + deduction(d)));
        item.exemptions().forEach(e -> lines.add(indent + exemption(e)));
        item.findings().forEach(f -> lines.add(indent + finding(f)));
        if (!item.note().isEmpty()) {
            lines.add(indent + item.note());
        }
        return lines;
    }

    /** @return the item's heading and entries, or "no deductions" */
    static String item(ItemScore item) {
        List<String> entries = entries(item, "    ");
        return "item " + itemHeading(item) + (entries.isEmpty() ? " (no deductions)" : "\n" + String.join("\n", entries));
    }

    private static String cite(List<Evidence> evidence) {
        return evidence.isEmpty() ? "" : " [" + evidence.stream().map(Evidence::id).collect(Collectors.joining(", ")) + "]";
    }
}
