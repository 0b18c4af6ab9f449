package io.github.rubric.report;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.batch.Outcome;
import io.github.rubric.rules.batch.Ranking;
import io.github.rubric.rules.batch.Standing;
import java.util.List;

/**
 * The HTML report: one self-contained page (no script, no network) with the summary and its charts as inline
 * SVG, the ranking table, the failures, and each subject's score sheet with its explanations. It prints one
 * score sheet per page.
 */
final class Html {
    private static final String STYLE = """
            :root { --ink: #1f2933; --muted: #616e7c; --line: #cbd2d9; --head: #f0f4f8; --accent: #b42318;
                    --bar: #2f6f9f; --fail: #c2410c; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 48px; color: var(--ink);
                   font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
                   "WenQuanYi Micro Hei", sans-serif; }
            h1 { font-size: 24px; margin: 0 0 4px; color: var(--accent); }
            h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            .meta { color: var(--muted); margin: 0 0 4px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
            .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; min-width: 120px; }
            .card b { display: block; font-size: 22px; }
            .charts { display: flex; flex-wrap: wrap; gap: 24px; }
            figure { margin: 0; }
            figcaption { font-weight: bold; margin: 6px 0; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
            table.grades { width: auto; }
            table.form { table-layout: fixed; }
            table.ranking td { white-space: nowrap; }
            table.ranking td.small, table.failures td { white-space: normal; word-break: break-all; }
            th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
            th { background: var(--head); white-space: nowrap; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            td.explain { white-space: pre-line; }
            td.small { font-size: 12px; color: var(--muted); }
            tr.section td { background: #f8fafc; font-weight: bold; }
            tr.total td { font-weight: bold; background: var(--head); }
            tr.fail td.verdict, td.fail { color: var(--fail); font-weight: bold; }
            .chart text { font: 12px "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; fill: var(--ink); }
            .chart .axis { fill: var(--muted); }
            .chart .grid { stroke: #e4e7eb; }
            .chart .baseline { stroke: var(--muted); }
            .chart .bar { fill: var(--bar); }
            .chart .fail { fill: var(--fail); }
            .chart .track { fill: #eef2f6; }
            a { color: var(--bar); }
            @media print { section.sheet { break-before: page; } body { max-width: none; } }
            """;

    private Html() {
    }

    static String of(BatchResult result, Ranking ranking) {
        StringBuilder html = new StringBuilder();
        String title = result.rubric().title();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" 考核结果</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1>").append(escape(title)).append(" 考核结果</h1>\n");
        html.append("<p class=\"meta\">考核细则 ").append(escape(result.rubric().id())).append(" 版本 ")
                .append(escape(result.rubric().version())).append("（sha256 ")
                .append(escape(result.rubric().sha256().substring(0, Math.min(12, result.rubric().sha256().length()))))
                .append("）</p>\n</header>\n");
        summary(html, result, ranking);
        standings(html, ranking);
        failures(html, result);
        for (int i = 0; i < ranking.standings().size(); i++) {
            sheet(html, ranking, i);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder html, BatchResult result, Ranking ranking) {
        html.append("<section id=\"summary\">\n<h2>统计</h2>\n<div class=\"cards\">");
        card(html, "参评对象", String.valueOf(ranking.standings().size()));
        ranking.passLine().ifPresent(line -> {
            card(html, "合格（≥" + Points.format(line) + "分）", String.valueOf(ranking.passedCount()));
            card(html, "不合格", String.valueOf(ranking.failedCount()));
        });
        card(html, "平均分", ranking.averageTotal().map(Points::format).orElse("—"));
        card(html, "未能评分", String.valueOf(result.failures().size()));
        html.append("</div>\n");
        if (!ranking.grades().isEmpty()) {
            html.append("<table class=\"grades\">\n<tr><th>等次</th>");
            ranking.grades().forEach(g -> html.append("<th class=\"num\">").append(escape(g.name())).append("（≥")
                    .append(Points.format(g.min())).append("）</th>"));
            html.append("</tr>\n<tr><td>对象数</td>");
            ranking.grades().forEach(g -> html.append("<td class=\"num\">").append(g.count()).append("</td>"));
            html.append("</tr>\n</table>\n");
        }
        html.append("<div class=\"charts\">\n<figure>\n<figcaption>总分分布</figcaption>\n")
                .append(Svg.distribution(ranking.distribution(), ranking.passLine().orElse(null)))
                .append("\n</figure>\n");
        if (ranking.sectionAverages().size() > 1) {
            html.append("<figure>\n<figcaption>各栏目平均得分</figcaption>\n")
                    .append(Svg.averages(ranking.sectionAverages(), "各栏目平均得分")).append("\n</figure>\n");
        }
        if (!ranking.itemAverages().isEmpty()) {
            html.append("<figure>\n<figcaption>各项目平均得分</figcaption>\n")
                    .append(Svg.averages(ranking.itemAverages(), "各项目平均得分")).append("\n</figure>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void card(StringBuilder html, String label, String value) {
        html.append("<div class=\"card\">").append(escape(label)).append("<b>").append(escape(value)).append("</b></div>");
    }

    private static void standings(StringBuilder html, Ranking ranking) {
        html.append("<section id=\"ranking\">\n<h2>排名</h2>\n<table class=\"ranking\">\n<thead><tr>")
                .append("<th class=\"num\">排名</th><th>考核对象</th><th>编号</th><th>轮次</th>")
                .append("<th class=\"num\">自查得分</th><th class=\"num\">总分</th><th>等次</th><th>结论</th><th>来源</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < ranking.standings().size(); i++) {
            Standing standing = ranking.standings().get(i);
            Scorecard card = standing.scorecard();
            String self = card.round().equals(Round.SELF.name()) ? ""
                    : standing.round(Round.SELF).map(s -> Points.format(s.total())).orElse("");
            html.append("<tr").append(Boolean.FALSE.equals(card.passed()) ? " class=\"fail\"" : "").append(">")
                    .append("<td class=\"num\">").append(standing.rank()).append("</td>")
                    .append("<td><a href=\"#").append(anchor(i)).append("\">").append(escape(card.subject().name()))
                    .append("</a></td><td>").append(escape(card.subject().id())).append("</td><td>")
                    .append(escape(ScoreSheet.roundLabel(card.round()))).append("</td><td class=\"num\">").append(self)
                    .append("</td><td class=\"num\">").append(Points.format(card.total())).append("</td><td>")
                    .append(escape(card.grade())).append("</td><td class=\"verdict\">")
                    .append(card.passed() == null ? "" : card.passed() ? "合格" : "不合格").append("</td><td class=\"small\">")
                    .append(escape(card.source())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void failures(StringBuilder html, BatchResult result) {
        List<Outcome.Failed> failures = result.failures();
        if (failures.isEmpty()) {
            return;
        }
        html.append("<section id=\"failures\">\n<h2>未能评分</h2>\n<table class=\"failures\">\n<thead><tr>")
                .append("<th>来源</th><th class=\"num\">行</th><th>字段</th><th>问题</th></tr></thead>\n<tbody>\n");
        for (Outcome.Failed failed : failures) {
            html.append("<tr><td>").append(escape(failed.source())).append("</td><td class=\"num\">")
                    .append(failed.line() > 0 ? String.valueOf(failed.line()) : "").append("</td><td>")
                    .append(escape(failed.path())).append("</td><td class=\"fail\">").append(escape(failed.message()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void sheet(StringBuilder html, Ranking ranking, int index) {
        Standing standing = ranking.standings().get(index);
        ScoreSheet sheet = ScoreSheet.of(ranking.definition(), standing);
        Scorecard card = standing.scorecard();
        html.append("<section class=\"sheet\" id=\"").append(anchor(index)).append("\">\n<h2>第").append(standing.rank())
                .append("名　").append(escape(card.subject().name())).append("　").append(Points.format(card.total()))
                .append("分</h2>\n<p class=\"meta\">编号 ").append(escape(card.subject().id())).append("　考核期间 ")
                .append(card.periodStart()).append(" 至 ").append(card.periodEnd()).append("　轮次 ");
        html.append(escape(String.join("、", standing.rounds().stream().map(r -> ScoreSheet.roundLabel(r.round())).toList())));
        html.append("　").append(escape(ScoreSheet.verdict(card))).append("</p>\n");
        html.append("<table class=\"form\">\n<colgroup><col style=\"width:11%\"><col style=\"width:23%\">")
                .append("<col style=\"width:5%\"><col style=\"width:22%\"><col style=\"width:6.5%\">")
                .append("<col style=\"width:6.5%\"><col style=\"width:26%\"></colgroup>\n<thead><tr><th>").append(ScoreSheet.ITEM).append("</th><th>")
                .append(ScoreSheet.REQUIREMENT).append("</th><th class=\"num\">").append(ScoreSheet.MAX_POINTS)
                .append("</th><th>").append(ScoreSheet.CRITERIA).append("</th><th class=\"num\">").append(ScoreSheet.SELF)
                .append("</th><th class=\"num\">").append(escape(sheet.reviewHeader())).append("</th><th>")
                .append(ScoreSheet.EXPLANATION).append("</th></tr></thead>\n<tbody>\n");
        for (ScoreSheet.Row row : sheet.rows()) {
            String css = switch (row.kind()) {
                case SECTION -> " class=\"section\"";
                case SUBTOTAL, TOTAL -> " class=\"total\"";
                default -> "";
            };
            html.append("<tr").append(css).append("><td>").append(escape(row.item())).append("</td><td class=\"small\">")
                    .append(escape(row.requirement())).append("</td><td class=\"num\">")
                    .append(ScoreSheet.format(row.maxPoints())).append("</td><td class=\"small\">")
                    .append(escape(row.criteria())).append("</td><td class=\"num\">").append(ScoreSheet.format(row.self()))
                    .append("</td><td class=\"num\">").append(ScoreSheet.format(row.review())).append("</td><td class=\"explain\">")
                    .append(escape(row.explanation())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String anchor(int index) {
        return "subject-" + (index + 1);
    }

    /** @return the text with {@code & < > " '} escaped, safe in element content and quoted attributes */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
