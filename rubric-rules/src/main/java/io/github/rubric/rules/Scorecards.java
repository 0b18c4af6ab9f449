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
import io.github.rubric.model.result.CombinedScorecard;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Exemption;
import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemComparison;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RoundScore;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.fact.Round;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes scorecards: JSON (stable field order, exact decimals, reads back to an equal scorecard) and a plain
 * text table in the shape of the rubric forms (项目 / 分值 / 得分 / 扣分说明). Combined results of several rounds
 * ({@link CombinedScorecard}) are written the same two ways.
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
     * A scorecard of a findings-only rubric (one whose sections all have 0 points, such as a compliance
     * checklist) prints as a list of each item's findings, with the number of findings instead of a total.
     *
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
        if (findingsOnly(scorecard)) {
            return findingsText(scorecard, out);
        }
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

    private static boolean findingsOnly(Scorecard scorecard) {
        return scorecard.sections().stream().allMatch(s -> s.maxPoints().signum() == 0) && scorecard.bonuses().isEmpty();
    }

    /** Items and their findings, without the columns of points that a findings-only rubric does not have. */
    private static String findingsText(Scorecard scorecard, StringBuilder out) {
        int width = 24;
        out.append(pad("项目", width)).append("发现的问题").append('\n');
        out.append("-".repeat(72)).append('\n');
        int findings = 0;
        int items = 0;
        for (SectionScore section : scorecard.sections()) {
            if (scorecard.sections().size() > 1) {
                out.append(section.title()).append('\n');
            }
            for (ItemScore item : section.items()) {
                List<String> lines = explanation(item);
                findings += item.findings().size();
                items += item.findings().isEmpty() ? 0 : 1;
                out.append(pad(item.id() + " " + item.title(), width)).append(lines.isEmpty() ? "未发现问题" : lines.get(0))
                        .append('\n');
                for (String more : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    out.append(pad("", width)).append(more).append('\n');
                }
            }
        }
        out.append("-".repeat(72)).append('\n');
        for (Veto veto : scorecard.vetoes()) {
            out.append(pad("一票否决", width)).append(veto.reason()).append(cite(veto.evidence())).append('\n');
        }
        out.append(pad("合计", width)).append(findings == 0 ? "未发现问题"
                : "发现问题" + findings + "条，涉及" + items + "项（共" + scorecard.sections().stream()
                        .mapToInt(s -> s.items().size()).sum() + "项）").append('\n');
        return out.toString();
    }

    /**
     * @param combined a combined result of several rounds
     * @return its JSON, fields in declaration order, points as exact decimals
     */
    public static String toJson(CombinedScorecard combined) {
        try {
            return MAPPER.writeValueAsString(combined) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a combined scorecard always serialises", e);
        }
    }

    /**
     * @param json a combined result's JSON, as {@link #toJson(CombinedScorecard)} writes it
     * @return the combined result
     * @throws IllegalArgumentException if the JSON is not a combined result
     */
    public static CombinedScorecard combinedFromJson(String json) {
        try {
            return MAPPER.readValue(json, CombinedScorecard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a combined scorecard: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The combined result as text: the rounds with their weights and weighted parts, the combined total with
     * bonus and pass, the self-assessment set against the review where they differ, then each round's scorecard.
     *
     * @param combined a combined result of several rounds
     * @return a plain-text report for terminals and printouts
     */
    public static String toText(CombinedScorecard combined) {
        StringBuilder out = new StringBuilder();
        out.append(combined.rubric().title()).append('\n');
        out.append("版本 ").append(combined.rubric().version()).append("（").append(combined.rubric().id())
                .append("，sha256 ").append(combined.rubric().sha256(), 0, 12).append("）\n");
        out.append("考核对象：").append(combined.subject().name()).append("    考核期间：").append(combined.periodStart())
                .append(" 至 ").append(combined.periodEnd()).append("    年度总评：")
                .append(combined.rounds().stream().map(r -> roundLabel(r.round()) + "×" + percent(r.weight()))
                        .collect(Collectors.joining(" + ")))
                .append("\n\n");
        int[] widths = {16, 6, 8, 10};
        out.append(cells(widths, "轮次", "权重", "得分", "折合", "说明"));
        out.append("-".repeat(72)).append('\n');
        for (RoundScore round : combined.rounds()) {
            String sources = round.scorecards().stream().map(Scorecard::source).collect(Collectors.joining(", "));
            out.append(cells(widths, roundLabel(round.round()), percent(round.weight()), Points.format(round.score()),
                    Points.format(round.weighted()), round.scorecards().size() > 1 ? round.note()
                            : sources + (round.note().isEmpty() ? "" : "；" + round.note())));
        }
        out.append("-".repeat(72)).append('\n');
        BigDecimal exact = combined.rounds().stream().map(RoundScore::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.append(cells(widths, "加权合计", "", Points.format(combined.weightedTotal()), "",
                exact.compareTo(combined.weightedTotal()) == 0 ? ""
                        : Points.format(exact) + "，四舍五入保留" + Points.SCALE + "位小数"));
        for (Bonus bonus : combined.bonuses()) {
            out.append(cells(widths, "加分", Points.format(bonus.points()), Points.format(bonus.counted()), "",
                    bonus.reason() + (bonus.note().isEmpty() ? "" : "（" + bonus.note() + "）") + cite(bonus.evidence())));
        }
        for (Veto veto : combined.vetoes()) {
            out.append(cells(widths, "一票否决", "", "", "", veto.reason() + cite(veto.evidence())));
        }
        out.append(cells(widths, "年度总分", "", Points.format(combined.total()), "",
                (combined.passed() == null ? "" : combined.passed() ? "合格" : "不合格")
                        + (combined.grade().isEmpty() ? "" : "  等次：" + combined.grade())));
        if (!combined.comparison().isEmpty()) {
            out.append('\n').append("自查与复查对比（差额 = 复查 − 自查）\n");
            int[] compareWidths = {24, 6, 6, 6, 6};
            out.append(cells(compareWidths, "项目", "分值", "自查", "复查", "差额", "原因"));
            out.append("-".repeat(72)).append('\n');
            List<ItemComparison> differing = combined.comparison().stream().filter(ItemComparison::differs).toList();
            for (ItemComparison item : differing) {
                List<String> why = new java.util.ArrayList<>();
                if (!item.note().isEmpty()) {
                    why.add(item.note());
                }
                item.selfOnly().forEach(d -> why.add("仅自查：" + deduction(d)));
                item.reviewOnly().forEach(d -> why.add("仅复查：" + deduction(d)));
                out.append(cells(compareWidths, item.item() + " " + item.title(), Points.format(item.maxPoints()),
                        Points.format(item.selfScore()), Points.format(item.reviewScore()),
                        (item.difference().signum() > 0 ? "+" : "") + Points.format(item.difference()),
                        why.isEmpty() ? "" : why.get(0)));
                for (String more : why.subList(Math.min(1, why.size()), why.size())) {
                    out.append(cells(compareWidths, "", "", "", "", "", more));
                }
            }
            int same = combined.comparison().size() - differing.size();
            out.append("-".repeat(72)).append('\n');
            if (differing.isEmpty()) {
                out.append("自查与复查各项一致\n");
            } else if (same > 0) {
                out.append("其余").append(same).append("项自查与复查一致\n");
            }
        }
        for (RoundScore round : combined.rounds()) {
            for (Scorecard card : round.scorecards()) {
                out.append('\n').append("==== ").append(roundLabel(round.round())).append("：").append(card.source())
                        .append(" ====\n");
                out.append(toText(card));
            }
        }
        return out.toString();
    }

    private static String deduction(Deduction d) {
        return (d.zeroes() ? "不得分：" : "-" + Points.format(d.points()) + " ") + d.reason() + cite(d.evidence());
    }

    private static String percent(BigDecimal weight) {
        return Points.format(weight.movePointRight(2)) + "%";
    }

    private static String cells(int[] widths, String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length - 1; i++) {
            line.append(pad(cells[i], i == 0 ? widths[0] : widths[i]));
        }
        return line.append(cells[cells.length - 1]).append('\n').toString();
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
                out.append("    不扣分（").append(e.exemption()).append("）：本应").append(e.reason()).append('\n');
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

    /**
     * Explains an item's score in the lines of the form's 扣分说明 column: how the basis was set when it is not
     * the maximum, each deduction with its evidence, exemptions, findings and the item's note.
     *
     * @param item an item's score
     * @return the lines, empty for an item at its maximum with nothing to say
     */
    public static List<String> explanation(ItemScore item) {
        List<String> lines = new java.util.ArrayList<>();
        if (!item.basisNote().startsWith("满分")) {
            lines.add(item.basisNote());
        }
        for (Deduction d : item.deductions()) {
            lines.add((d.zeroes() ? "不得分：" : "-" + Points.format(d.points()) + " ") + d.reason() + cite(d.evidence()));
        }
        for (Exemption e : item.exemptions()) {
            lines.add("不扣分（" + e.exemption() + "）：本应" + e.reason());
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

    /** Display width on a CJK terminal: CJK, full-width and East Asian ambiguous quotes and dashes take two columns. */
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
        return (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2026 || cp == 0x2014 || (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

}
