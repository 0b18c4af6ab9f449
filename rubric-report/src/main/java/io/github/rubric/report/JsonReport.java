package io.github.rubric.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.batch.Outcome;
import io.github.rubric.rules.batch.Ranking;
import io.github.rubric.rules.batch.Standing;

/**
 * The JSON reports: one document (rubric, summary, ranking, failures, scorecards), or JSON lines (one line per
 * outcome in input order, then one line with the ranking and summary).
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Keep decimals as scored (no stripping of zeros), so scorecards read back equal to the scored ones.
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonReport() {
    }

    static String document(BatchResult result, Ranking ranking) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("rubric", MAPPER.valueToTree(result.rubric()));
        root.set("summary", summary(result, ranking));
        root.set("ranking", standings(ranking));
        ArrayNode failures = root.putArray("failures");
        result.failures().forEach(failed -> failures.add(failure(failed)));
        ArrayNode scorecards = root.putArray("scorecards");
        result.scorecards().forEach(card -> scorecards.add(MAPPER.valueToTree(card)));
        return write(root, true);
    }

    static String lines(BatchResult result, Ranking ranking) {
        StringBuilder out = new StringBuilder();
        for (Outcome outcome : result.outcomes()) {
            out.append(line(outcome));
        }
        return out.append(closingLine(result, ranking)).toString();
    }

    static String line(Outcome outcome) {
        ObjectNode node;
        if (outcome instanceof Outcome.Scored scored) {
            node = MAPPER.createObjectNode();
            node.put("type", "scorecard");
            node.put("source", scored.source());
            node.set("scorecard", MAPPER.valueToTree(scored.scorecard()));
        } else {
            node = MAPPER.createObjectNode();
            node.put("type", "failure");
            node.setAll(failure((Outcome.Failed) outcome));
        }
        return write(node, false) + "\n";
    }

    static String closingLine(BatchResult result, Ranking ranking) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "ranking");
        node.set("rubric", MAPPER.valueToTree(result.rubric()));
        node.set("summary", summary(result, ranking));
        node.set("ranking", standings(ranking));
        return write(node, false) + "\n";
    }

    private static ObjectNode summary(BatchResult result, Ranking ranking) {
        ObjectNode summary = MAPPER.createObjectNode();
        summary.put("subjects", ranking.standings().size());
        summary.put("scorecards", result.scored().size());
        summary.put("failures", result.failures().size());
        ranking.passLine().ifPresent(line -> {
            summary.put("passLine", line);
            summary.put("passed", ranking.passedCount());
            summary.put("notPassed", ranking.failedCount());
        });
        ranking.averageTotal().ifPresent(average -> summary.put("averageTotal", average));
        ArrayNode grades = summary.putArray("grades");
        ranking.grades().forEach(g -> grades.addObject().put("name", g.name()).put("min", g.min()).put("count", g.count()));
        ArrayNode bins = summary.putArray("distribution");
        ranking.distribution().forEach(b -> bins.addObject().put("from", b.from()).put("to", b.to())
                .put("closed", b.closed()).put("count", b.count()));
        ArrayNode sections = summary.putArray("sectionAverages");
        ranking.sectionAverages().forEach(a -> sections.add(MAPPER.valueToTree(a)));
        ArrayNode items = summary.putArray("itemAverages");
        ranking.itemAverages().forEach(a -> items.add(MAPPER.valueToTree(a)));
        return summary;
    }

    private static ArrayNode standings(Ranking ranking) {
        ArrayNode standings = MAPPER.createArrayNode();
        for (Standing standing : ranking.standings()) {
            Scorecard card = standing.scorecard();
            ObjectNode node = standings.addObject();
            node.put("rank", standing.rank());
            node.set("subject", MAPPER.valueToTree(card.subject()));
            node.put("periodStart", card.periodStart().toString());
            node.put("periodEnd", card.periodEnd().toString());
            node.put("round", card.round());
            node.put("total", card.total());
            if (card.passed() != null) {
                node.put("passed", card.passed());
            }
            node.put("grade", card.grade());
            ObjectNode rounds = node.putObject("rounds");
            standing.rounds().forEach(r -> rounds.put(r.round(), r.total()));
            node.put("source", card.source());
        }
        return standings;
    }

    private static ObjectNode failure(Outcome.Failed failed) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source", failed.source());
        node.put("file", failed.file());
        node.put("line", failed.line());
        node.put("path", failed.path());
        node.put("message", failed.message());
        return node;
    }

    private static String write(Object node, boolean indent) {
        try {
            return indent ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n"
                    : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }
}
