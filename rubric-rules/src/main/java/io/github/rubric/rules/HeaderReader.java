package io.github.rubric.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rubric.model.Points;
import io.github.rubric.model.structure.GradeBand;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rubric header into a {@link RubricDefinition} and checks that its points add up.
 */
final class HeaderReader {
    private static final ObjectMapper YAML = Binding.yaml();

    private HeaderReader() {
    }

    /** The definition, and where each of its fields stands in the file. */
    record Header(RubricDefinition definition, YamlLines lines) {
    }

    static Header read(RubricSource source) {
        int alias = YamlLines.firstAnchorOrAlias(source.header());
        if (alias > 0) {
            throw new RubricException(List.of(new RubricException.Problem(source.name(), alias + source.headerOffset(),
                    "rubric header: YAML anchors and aliases (&name, *name) are not allowed; write each value out")));
        }
        YamlLines lines = YamlLines.of(source.header(), source.headerOffset());
        RubricDefinition definition;
        try {
            JsonNode tree = YAML.readTree(source.header());
            if (tree != null && !tree.isMissingNode()) {
                // Before binding: the records' constructors may print a number in plain form.
                NumberRange.Violation violation = NumberRange.find(tree, "");
                if (violation != null) {
                    throw new RubricException(List.of(new RubricException.Problem(source.name(),
                            lines.line(violation.path()), "rubric header: " + violation.path() + ": "
                            + violation.problem())));
                }
            }
            definition = tree == null || tree.isMissingNode() || tree.isNull() ? null
                    : YAML.treeToValue(tree, RubricDefinition.class);
        } catch (JsonProcessingException e) {
            Binding.Failure unknown = unknownField(source.header());
            if (unknown != null) {
                throw new RubricException(List.of(new RubricException.Problem(source.name(), lines.line(unknown.path()),
                        "rubric header: " + unknown.path() + ": " + unknown.problem())));
            }
            Binding.Failure failure = Binding.describe(e, "");
            int line = failure.path().isEmpty() && failure.line() > 0
                    ? failure.line() + source.headerOffset() : lines.line(failure.path());
            if (line == 0 && failure.line() > 0) {
                line = failure.line() + source.headerOffset();
            }
            String where = failure.path().isEmpty() ? "" : failure.path() + ": ";
            throw new RubricException(List.of(new RubricException.Problem(source.name(), line,
                    "rubric header: " + where + failure.problem())));
        }
        if (definition == null) {
            throw new RubricException(List.of(new RubricException.Problem(source.name(), source.headerOffset(),
                    "the rubric header is empty: expected id, title, version, totalPoints and sections")));
        }
        NumberRange.Violation violation = NumberRange.find(definition, "");
        if (violation != null) {
            throw new RubricException(List.of(new RubricException.Problem(source.name(), lines.line(violation.path()),
                    "rubric header: " + violation.path() + ": " + violation.problem())));
        }
        List<RubricException.Problem> problems = new ArrayList<>();
        check(definition, lines, source.name(), problems);
        if (!problems.isEmpty()) {
            throw new RubricException(problems);
        }
        return new Header(definition, lines);
    }

    /** @return the first unknown field of a header that parses as YAML, or null */
    private static Binding.Failure unknownField(String header) {
        try {
            return Binding.unknownField(YAML.readTree(header), RubricDefinition.class, "");
        } catch (JsonProcessingException unparsable) {
            return null;
        }
    }

    private static void check(RubricDefinition rubric, YamlLines lines, String file, List<RubricException.Problem> problems) {
        Map<String, String> itemPaths = new HashMap<>();
        Map<String, String> sectionPaths = new HashMap<>();
        BigDecimal sectionSum = BigDecimal.ZERO;
        if (rubric.sections().isEmpty()) {
            problems.add(new RubricException.Problem(file, lines.line(""), "the rubric declares no sections"));
        }
        for (int s = 0; s < rubric.sections().size(); s++) {
            Section section = rubric.sections().get(s);
            String sectionPath = "sections[" + s + "]";
            if (sectionPaths.putIfAbsent(section.id(), sectionPath) != null) {
                problems.add(new RubricException.Problem(file, lines.line(sectionPath + ".id"),
                        "section id '" + section.id() + "' is declared twice (first at line "
                                + lines.line(sectionPaths.get(section.id())) + ")"));
            }
            sectionSum = sectionSum.add(section.maxPoints());
            BigDecimal itemSum = BigDecimal.ZERO;
            if (section.items().isEmpty()) {
                problems.add(new RubricException.Problem(file, lines.line(sectionPath),
                        "section '" + section.id() + "' declares no items"));
            }
            for (int i = 0; i < section.items().size(); i++) {
                Item item = section.items().get(i);
                String itemPath = sectionPath + ".items[" + i + "]";
                if (itemPaths.putIfAbsent(item.id(), itemPath) != null) {
                    problems.add(new RubricException.Problem(file, lines.line(itemPath + ".id"),
                            "item id '" + item.id() + "' is declared twice (first at line "
                                    + lines.line(itemPaths.get(item.id())) + ")"));
                }
                itemSum = itemSum.add(item.maxPoints());
                if (section.pooled() && item.maxPoints().compareTo(section.maxPoints()) > 0) {
                    problems.add(new RubricException.Problem(file, lines.line(itemPath + ".maxPoints"),
                            "item '" + item.id() + "' has " + Points.format(item.maxPoints())
                                    + " points, more than its pooled section '" + section.id() + "' ("
                                    + Points.format(section.maxPoints()) + ")"));
                }
            }
            if (!section.pooled() && !section.items().isEmpty() && itemSum.compareTo(section.maxPoints()) != 0) {
                problems.add(new RubricException.Problem(file, lines.line(sectionPath + ".maxPoints"),
                        "the items of section '" + section.id() + "' add up to " + Points.format(itemSum)
                                + " points, but the section has " + Points.format(section.maxPoints())
                                + " (declare 'pooled: true' if its criteria share the section's points)"));
            }
        }
        if (!rubric.sections().isEmpty() && sectionSum.compareTo(rubric.totalPoints()) != 0) {
            problems.add(new RubricException.Problem(file, lines.line("totalPoints"),
                    "the sections add up to " + Points.format(sectionSum) + " points, but totalPoints is "
                            + Points.format(rubric.totalPoints())));
        }
        if (rubric.passLine() != null && rubric.passLine().compareTo(rubric.totalPoints()) > 0) {
            problems.add(new RubricException.Problem(file, lines.line("passLine"),
                    "passLine " + Points.format(rubric.passLine()) + " is above totalPoints "
                            + Points.format(rubric.totalPoints())));
        }
        for (int b = 1; b < rubric.gradeBands().size(); b++) {
            GradeBand higher = rubric.gradeBands().get(b - 1);
            GradeBand band = rubric.gradeBands().get(b);
            if (band.min().compareTo(higher.min()) >= 0) {
                problems.add(new RubricException.Problem(file, lines.line("gradeBands[" + b + "]"),
                        "grade bands must be listed highest first: '" + band.name() + "' (from "
                                + Points.format(band.min()) + ") follows '" + higher.name() + "' (from "
                                + Points.format(higher.min()) + ")"));
            }
        }
    }

    static String itemPath(RubricDefinition rubric, String itemId) {
        for (int s = 0; s < rubric.sections().size(); s++) {
            List<Item> items = rubric.sections().get(s).items();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals(itemId)) {
                    return "sections[" + s + "].items[" + i + "]";
                }
            }
        }
        return "";
    }
}
