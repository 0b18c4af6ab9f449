package io.github.rubric.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.rubric.model.Points;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.fact.Round;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes scorecards: JSON (stable field order, exact decimals, reads back to an equal scorecard) and a plain
 * text table in the shape of the rubric forms (项目 / 分值 / 得分 / 扣分说明).
 */
public final class Scorecards {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private Scorecards() {
    }

    /**
     * @param scorecard a scorecard
     * @return its JSON, fields in declaration order, points as exact decimals
     */
    public static String toJson(Scorecard scorecard) {
        try {
            return MAPPER.writeValueAsString(scorecard) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scorecard always serialises", e);
        }
    }

    /**
     * @param json a scorecard's JSON, as {@link #toJson} writes it
     * @return the scorecard
     * @throws IllegalArgumentException if the JSON is not a scorecard
     */
    public static Scorecard fromJson(String json) {
        try {
            return MAPPER.readValue(json, Scorecard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a scorecard: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param scorecard a scorecard
     * @return a plain-text table in the form's shape, for terminals and printouts
     */
    public static String toText(Scorecard scorecard) {
        StringBuilder out = new StringBuilder();
        out.append(scorecard.rubric().title()).append('\n');
        out.append("版本 ").append(scorecard.rubric().version()).append("（").append(scorecard.rubric().id())
                .append("，sha256 ").append(scorecard.rubric().sha256(), 0, 12).append("）\n");
        out.append("考核对象：").append(scorecard.subject().name()).append("    考核期间：").append(scorecard.periodStart())
                .append(" 至 ").append(scorecard.periodEnd()).append("    轮次：").append(roundLabel(scorecard.round()))
                .append('\n');
        out.append('\n');
        int[] widths = {10, 6, 6};
        out.append(row(widths, "项目", "分值", "得分", "扣分说明"));
        out.append("-".repeat(72)).append('\n');
        for (SectionScore section : scorecard.sections()) {
            if (scorecard.sections().size() > 1) {
                out.append(row(widths, section.title(), Points.format(section.maxPoints()),
                        Points.format(section.score()), section.note()));
            }
            for (ItemScore item : section.items()) {
                List<String> lines = explanation(item);
                out.append(row(widths, item.id() + " " + item.title(), Points.format(item.maxPoints()),
                        Points.format(item.score()), lines.isEmpty() ? "" : lines.get(0)));
                for (String more : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    out.append(row(widths, "", "", "", more));
                }
            }
        }
        out.append("-".repeat(72)).append('\n');
        out.append(row(widths, "小计", "", Points.format(scorecard.sectionTotal()), ""));
        for (Bonus bonus : scorecard.bonuses()) {
            out.append(row(widths, "加分", Points.format(bonus.points()), Points.format(bonus.counted()),
                    bonus.reason() + (bonus.note().isEmpty() ? "" : "（" + bonus.note() + "）") + cite(bonus.evidence())));
        }
        for (Veto veto : scorecard.vetoes()) {
            out.append(row(widths, "一票否决", "", "", veto.reason() + cite(veto.evidence())));
        }
        out.append(row(widths, "总分", "", Points.format(scorecard.total()),
                (scorecard.passed() == null ? "" : scorecard.passed() ? "合格" : "不合格")
                        + (scorecard.grade().isEmpty() ? "" : "  等次：" + scorecard.grade())));
        return out.toString();
    }

    /** How many examined facts an explanation line lists before it says "等N条". */
    private static final int LISTED = 6;

    /**
     * The scorecard's table followed by the explanation of every item: each criterion (rule) checked, whether
     * it deducted, and the facts it examined, so that a full score is explained as well as a deduction
     * ("3.1 全年召开党员大会不少于4次…：未扣分（查验4条：…）").
     *
     * @param evaluation an evaluation
     * @return the table and the explanation, as text
     */
    public static String toText(Evaluation evaluation) {
        Scorecard card = evaluation.scorecard();
        StringBuilder out = new StringBuilder(toText(card));
        out.append('\n').append("评分依据（各项检查的标准及查验的事实）").append('\n');
        for (SectionScore section : card.sections()) {
            for (ItemScore item : section.items()) {
                out.append(explain(item, evaluation.checks(item.id()), card.vetoes()));
            }
        }
        List<Check> bonusRules = evaluation.checks().stream().filter(c -> c.item() == null).toList();
        if (!bonusRules.isEmpty()) {
            out.append("加分\n");
            for (Check check : bonusRules) {
                List<Bonus> claimed = card.bonuses().stream().filter(b -> b.rule().equals(check.rule())).toList();
                if (claimed.isEmpty()) {
                    out.append("  ").append(check.rule()).append("：未加分").append(examined(check)).append('\n');
                }
                for (Bonus b : claimed) {
                    out.append("  ").append(check.rule()).append("：计").append(Points.format(b.counted())).append("分 ")
                            .append(b.reason()).append(b.note().isEmpty() ? "" : "（" + b.note() + "）").append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * @param item an item's score
     * @param checks the item's criteria as checked, from {@link Evaluation#checks(String)}
     * @param vetoes the scorecard's vetoes
     * @return the item's explanation: a heading line, then one line per criterion and per entry
     */
    static String explain(ItemScore item, List<Check> checks, List<Veto> vetoes) {
        StringBuilder out = new StringBuilder();
        out.append(item.id()).append(' ').append(item.title()).append("（分值").append(Points.format(item.maxPoints()))
                .append("分，得").append(Points.format(item.score())).append("分）\n");
        if (!item.basisNote().startsWith("满分")) {
            out.append("  ").append(item.basisNote()).append('\n');
        }
        for (Check check : checks) {
            List<Deduction> deductions = item.deductions().stream().filter(d -> d.rule().equals(check.rule())).toList();
            List<Exemption> exemptions = item.exemptions().stream().filter(e -> e.rule().equals(check.rule())).toList();
            List<Finding> findings = item.findings().stream().filter(f -> f.rule().equals(check.rule())).toList();
            List<Veto> vetoed = vetoes.stream().filter(v -> v.rule().equals(check.rule())).toList();
            if (deductions.isEmpty() && exemptions.isEmpty() && findings.isEmpty() && vetoed.isEmpty()) {
                out.append("  ").append(check.rule()).append(check.fired() ? "：已检查，未扣分" : "：未扣分")
                        .append(examined(check)).append('\n');
                continue;
            }
            out.append("  ").append(check.rule()).append('\n');
            for (Deduction d : deductions) {
                out.append("    ").append(d.zeroes() ? "不得分：" : "-" + Points.format(d.points()) + " ").append(d.reason())
                        .append(cite(d.evidence())).append('\n');
            }
            for (Exemption e : exemptions) {
                out.append("    免扣：").append(e.reason()).append("（").append(e.exemption()).append("）\n");
            }
            for (Finding f : findings) {
                out.append("    发现：").append(f.reason()).append(cite(f.evidence())).append('\n');
            }
            for (Veto v : vetoed) {
                out.append("    一票否决：").append(v.reason()).append(cite(v.evidence())).append('\n');
            }
        }
        if (!item.note().isEmpty()) {
            out.append("  ").append(item.note()).append('\n');
        }
        return out.toString();
    }

    private static String examined(Check check) {
        if (check.examined().isEmpty()) {
            return "（无相关记录）";
        }
        String listed = check.examined().stream().limit(LISTED).map(e -> e.text() + " [" + e.id() + "]")
                .collect(Collectors.joining("；"));
        int more = check.examined().size() - LISTED;
        return "（查验" + check.examined().size() + "条：" + listed + (more > 0 ? "；另" + more + "条" : "")
                + "）";
    }

    private static String roundLabel(String round) {
        try {
            return Round.valueOf(round).label();
        } catch (IllegalArgumentException e) {
            return round;
        }
    }

    private static List<String> explanation(ItemScore item) {
        List<String> lines = new java.util.ArrayList<>();
        if (!item.basisNote().startsWith("满分")) {
            lines.add(item.basisNote());
        }
        for (Deduction d : item.deductions()) {
            lines.add((d.zeroes() ? "不得分：" : "-" + Points.format(d.points()) + " ") + d.reason() + cite(d.evidence()));
        }
        for (Exemption e : item.exemptions()) {
            lines.add("免扣：" + e.reason() + "（" + e.exemption() + "）");
        }
        for (Finding f : item.findings()) {
            lines.add("发现：" + f.reason() + cite(f.evidence()));
        }
        if (!item.note().isEmpty()) {
            lines.add(item.note());
        }
        return lines;
    }

    private static String cite(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return "";
        }
        return " [" + evidence.stream().map(Evidence::id).collect(Collectors.joining(", ")) + "]";
    }

    private static String row(int[] widths, String a, String b, String c, String d) {
        return pad(a, widths[0] * 2 + 4) + pad(b, widths[1]) + pad(c, widths[2]) + d + "\n";
    }

    private static String pad(String text, int width) {
        int w = width(text);
        return w >= width ? text + " " : text + " ".repeat(width - w);
    }

    /** Display width on a terminal: CJK and full-width characters take two columns. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

}
