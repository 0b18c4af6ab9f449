package io.github.rubric.test;

import io.github.rubric.test.Expectations.Expected;
import io.github.rubric.test.Expectations.ItemExpectation;
import io.github.rubric.test.Expectations.Matcher;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a scenario file. It walks SnakeYAML's node tree rather than binding to classes, so that every error
 * names its line, and numbers are read from their text (exactly, as {@link BigDecimal}), never through a
 * double.
 */
final class ScenarioReader {
    private static final Set<String> TOP = Set.of("description", "rubric", "factsFile", "facts", "expect");
    private static final Set<String> EXPECT = Set.of("total", "sectionTotal", "bonusTotal", "passed", "grade", "items",
            "deductions", "noDeductions", "findings", "noFindings", "exemptions", "bonuses", "noBonuses", "vetoes",
            "noVetoes");
    private static final Set<String> ITEM = Set.of("score", "deductions", "noDeductions", "findings", "noFindings");
    private static final Set<String> DEDUCTION = Set.of("item", "rule", "reason", "points", "zeroes");
    private static final Set<String> FINDING = Set.of("item", "rule", "reason");
    private static final Set<String> BONUS = Set.of("rule", "achievement", "reason", "points", "counted");
    private static final Set<String> VETO = Set.of("item", "rule", "reason", "kind", "target");
    private static final Set<String> VETO_KINDS = Set.of("FAIL", "ZERO_SECTION", "CAP_GRADE");

    private final String file;
    private final Path path;
    private final String text;

    private ScenarioReader(Path path, String text) {
        this.path = path;
        this.file = path.toString();
        this.text = text;
    }

    static Scenario read(Path path) {
        return new ScenarioReader(path, utf8(path.toString(), bytes(path, path.toString(), 0, ""), 0, "")).scenario();
    }

    private Scenario scenario() {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ScenarioException(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "",
                    "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ScenarioException(file, 0, "", "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new ScenarioException(file, 0, "", "the scenario is empty: expected factsFile or facts, and expect");
        }
        Map<String, Node> top = map(root, "", TOP);
        String description = top.containsKey("description") ? text(top.get("description"), "description") : "";
        String rubric = top.containsKey("rubric") ? text(top.get("rubric"), "rubric") : null;
        if (top.containsKey("factsFile") == top.containsKey("facts")) {
            throw new ScenarioException(file, line(root), "", "give the facts either inline under 'facts' or as"
                    + " 'factsFile' (a path relative to the scenario, or classpath:<resource>), not both or neither");
        }
        Scenario.Facts facts = top.containsKey("facts") ? inline(top.get("facts")) : factsFile(top.get("factsFile"));
        if (!top.containsKey("expect")) {
            throw new ScenarioException(file, line(root), "", "the scenario has no 'expect': say what the facts must score");
        }
        Expectations expect = expectations(top.get("expect"));
        String name = path.getFileName().toString().replaceFirst("\\.(yaml|yml)$", "");
        return new Scenario(name, description, path, rubric, facts, expect);
    }

    private Scenario.Facts inline(Node node) {
        if (!(node instanceof MappingNode)) {
            throw error(node, "facts", "expected the facts as a mapping (subject, period, meetings, …)");
        }
        // Cut the facts' own text out of the file, blanking what precedes it, so that the facts reader reports
        // the scenario file's own line numbers.
        String[] lines = text.split("\n", -1);
        int first = node.getStartMark().getLine();
        int last = node.getEndMark().getLine();
        if (node.getEndMark().getColumn() == 0) {
            last--;
        }
        StringBuilder out = new StringBuilder("\n".repeat(first));
        for (int i = first; i <= last && i < lines.length; i++) {
            String line = lines[i];
            if (i == first) {
                int column = line.offsetByCodePoints(0, Math.min(node.getStartMark().getColumn(),
                        line.codePointCount(0, line.length())));
                line = " ".repeat(column) + line.substring(column);
            }
            out.append(line).append('\n');
        }
        return new Scenario.Facts(file, out.toString());
    }

    private Scenario.Facts factsFile(Node node) {
        String value = text(node, "factsFile");
        if (value.startsWith("classpath:")) {
            String resource = value.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = ScenarioReader.class.getClassLoader();
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw error(node, "factsFile", "no resource '" + resource + "' on the classpath");
                }
                return new Scenario.Facts(value, utf8(value, in.readAllBytes(), line(node), "factsFile"));
            } catch (IOException e) {
                throw error(node, "factsFile", "cannot read " + value + ": " + e.getMessage());
            }
        }
        Path facts = path.toAbsolutePath().getParent().resolve(value).normalize();
        if (!Files.isRegularFile(facts)) {
            throw error(node, "factsFile", "no file " + facts + " (paths are relative to the scenario file;"
                    + " use classpath:<resource> for a resource)");
        }
        return new Scenario.Facts(facts.toString(), utf8(facts.toString(), bytes(facts, file, line(node), "factsFile"),
                line(node), "factsFile"));
    }

    private Expectations expectations(Node node) {
        Map<String, Node> e = map(node, "expect", EXPECT);
        Map<String, ItemExpectation> items = new LinkedHashMap<>();
        if (e.containsKey("items")) {
            Node itemsNode = e.get("items");
            for (Map.Entry<String, Node> entry : map(itemsNode, "expect.items", null).entrySet()) {
                items.put(entry.getKey(), item(entry.getKey(), entry.getValue()));
            }
        }
        return new Expectations(
                decimal(e, "total", "expect"), decimal(e, "sectionTotal", "expect"), decimal(e, "bonusTotal", "expect"),
                bool(e, "passed", "expect"), string(e, "grade", "expect"), items,
                matchers(e, "deductions", "expect", DEDUCTION, false), matchers(e, "noDeductions", "expect", DEDUCTION, true),
                matchers(e, "findings", "expect", FINDING, false), matchers(e, "noFindings", "expect", FINDING, true),
                matchers(e, "exemptions", "expect", FINDING, false),
                matchers(e, "bonuses", "expect", BONUS, false), matchers(e, "noBonuses", "expect", BONUS, true),
                matchers(e, "vetoes", "expect", VETO, false), matchers(e, "noVetoes", "expect", VETO, true));
    }

    private ItemExpectation item(String id, Node node) {
        String where = "expect.items." + id;
        if (node instanceof ScalarNode) {
            return new ItemExpectation(id, line(node), new Expected<>(decimal(node, where), line(node)),
                    List.of(), List.of(), List.of(), List.of());
        }
        Map<String, Node> m = map(node, where, ITEM);
        return new ItemExpectation(id, line(node), decimal(m, "score", where),
                forItem(matchers(m, "deductions", where, Set.of("rule", "reason", "points", "zeroes"), false), id),
                forItem(matchers(m, "noDeductions", where, Set.of("rule", "reason", "points", "zeroes"), true), id),
                forItem(matchers(m, "findings", where, Set.of("rule", "reason"), false), id),
                forItem(matchers(m, "noFindings", where, Set.of("rule", "reason"), true), id));
    }

    private static List<Matcher> forItem(List<Matcher> matchers, String item) {
        return matchers.stream().map(m -> m.forItem(item)).toList();
    }

    /**
     * A list of matchers; for an absence list ({@code noDeductions}), {@code true} stands for one matcher that
     * matches everything ("none at all").
     */
    private List<Matcher> matchers(Map<String, Node> parent, String key, String where, Set<String> fields,
                                   boolean absence) {
        Node node = parent.get(key);
        String path = where + "." + key;
        if (node == null) {
            return List.of();
        }
        if (absence && node instanceof ScalarNode) {
            if (!Boolean.TRUE.equals(bool(node, path))) {
                throw error(node, path, "expected true (none at all) or a list of what must be absent");
            }
            return List.of(new Matcher(line(node), null, null, null, null, null, null, null, null, null));
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, path, "expected a list of " + (absence ? "matchers, or true" : "matchers")
                    + " such as { item: \"3\", points: 1, reason: 党员大会 }");
        }
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node element = seq.getValue().get(i);
            String p = path + "[" + i + "]";
            Map<String, Node> m = map(element, p, fields);
            Expected<BigDecimal> points = decimal(m, "points", p);
            Expected<BigDecimal> counted = decimal(m, "counted", p);
            Expected<Boolean> zeroes = bool(m, "zeroes", p);
            String kind = m.containsKey("kind") ? text(m.get("kind"), p + ".kind") : null;
            if (kind != null && !VETO_KINDS.contains(kind)) {
                throw error(m.get("kind"), p + ".kind", "unknown veto kind '" + kind + "'; expected one of FAIL,"
                        + " ZERO_SECTION, CAP_GRADE");
            }
            matchers.add(new Matcher(line(element), opt(m, "item", p), opt(m, "rule", p), opt(m, "reason", p),
                    points == null ? null : points.value(), counted == null ? null : counted.value(),
                    opt(m, "achievement", p), kind, opt(m, "target", p), zeroes == null ? null : zeroes.value()));
        }
        return matchers;
    }

    private Map<String, Node> map(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, where, "expected a mapping" + (allowed == null ? "" : " with " + String.join(", ",
                    allowed.stream().sorted().toList())));
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), where, "expected a plain key");
            }
            String name = key.getValue();
            String path = where.isEmpty() ? name : where + "." + name;
            if (allowed != null && !allowed.contains(name)) {
                throw error(key, path, "unknown field '" + name + "'; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (values.putIfAbsent(name, tuple.getValueNode()) != null) {
                throw error(key, path, "'" + name + "' is given twice");
            }
        }
        return values;
    }

    private String opt(Map<String, Node> m, String key, String where) {
        return m.containsKey(key) ? text(m.get(key), where + "." + key) : null;
    }

    private Expected<String> string(Map<String, Node> m, String key, String where) {
        return m.containsKey(key) ? new Expected<>(scalar(m.get(key), where + "." + key), line(m.get(key))) : null;
    }

    private Expected<BigDecimal> decimal(Map<String, Node> m, String key, String where) {
        Node node = m.get(key);
        return node == null ? null : new Expected<>(decimal(node, where + "." + key), line(node));
    }

    private Expected<Boolean> bool(Map<String, Node> m, String key, String where) {
        Node node = m.get(key);
        return node == null ? null : new Expected<>(bool(node, where + "." + key), line(node));
    }

    private BigDecimal decimal(Node node, String where) {
        String value = scalar(node, where);
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw error(node, where, "expected points such as 6 or 1.5, was '" + value + "'");
        }
    }

    private Boolean bool(Node node, String where) {
        String value = scalar(node, where);
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw error(node, where, "expected true or false, was '" + value + "'");
        };
    }

    private String text(Node node, String where) {
        String value = scalar(node, where);
        if (value.isBlank()) {
            throw error(node, where, "must not be blank");
        }
        return value;
    }

    private String scalar(Node node, String where) {
        if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(node.getTag())) {
            throw error(node, where, node instanceof ScalarNode ? "has no value" : "expected a single value");
        }
        return scalar.getValue();
    }

    private ScenarioException error(Node node, String where, String problem) {
        return new ScenarioException(file, line(node), where, problem);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static byte[] bytes(Path path, String file, int line, String where) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ScenarioException(file, line, where, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String utf8(String file, byte[] bytes, int line, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file, line, where, "is not valid UTF-8");
        }
    }
}
