package io.github.rubric.report;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.Item;
import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.batch.Outcome;
import io.github.rubric.rules.batch.Ranking;
import io.github.rubric.rules.batch.Standing;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV report (RFC 4180, UTF-8, CRLF): one row per ranked subject in ranking order, with its total, grade,
 * self-assessment total and every item's score; then one row per failure in input order.
 */
final class CsvReport {
    private CsvReport() {
    }

    static String of(BatchResult result, Ranking ranking) {
        List<Item> items = ranking.definition().items().toList();
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("status", "rank", "subjectId", "subjectName", "subjectType",
                "periodStart", "periodEnd", "round", "total", "passed", "grade", "selfTotal", "bonus"));
        items.forEach(item -> header.add("item:" + item.id()));
        header.addAll(List.of("source", "message"));
        row(out, header);
        for (Standing standing : ranking.standings()) {
            Scorecard card = standing.scorecard();
            List<String> row = new ArrayList<>(List.of("ranked", String.valueOf(standing.rank()), card.subject().id(),
                    card.subject().name(), card.subject().type(), card.periodStart().toString(),
                    card.periodEnd().toString(), card.round(), Points.format(card.total()),
                    card.passed() == null ? "" : card.passed().toString(), card.grade(),
                    card.round().equals(Round.SELF.name()) ? ""
                            : standing.round(Round.SELF).map(self -> Points.format(self.total())).orElse(""),
                    Points.format(card.bonusTotal())));
            for (Item item : items) {
                row.add(card.item(item.id()).map(score -> Points.format(score.score())).orElse(""));
            }
            row.add(card.source());
            row.add("");
            row(out, row);
        }
        int width = header.size();
        for (Outcome.Failed failed : result.failures()) {
            List<String> row = new ArrayList<>();
            row.add("failed");
            while (row.size() < width - 2) {
                row.add("");
            }
            row.add(failed.source());
            row.add(failed.message());
            row(out, row);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String quote(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                && cell.charAt(0) != ' ' && cell.charAt(cell.length() - 1) != ' ';
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
