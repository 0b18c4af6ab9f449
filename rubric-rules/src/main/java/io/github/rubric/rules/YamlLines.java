package io.github.rubric.rules;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of a YAML (or JSON) document starts, by path: {@code sections[0].items[2].maxPoints} to its
 * 1-based line. Jackson binds the values; this index lets later checks, which see only bound values, still
 * point at the line.
 */
final class YamlLines {
    private final Map<String, Integer> lines;
    private final int offset;

    private YamlLines(Map<String, Integer> lines, int offset) {
        this.lines = lines;
        this.offset = offset;
    }

    /**
     * Indexes a document. A document SnakeYAML cannot compose gives an empty index: the binding reports
     * that error itself, with its own line.
     *
     * @param text the document
     * @param offset lines before the document in its file
     */
    static YamlLines of(String text, int offset) {
        Map<String, Integer> lines = new HashMap<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root != null) {
                walk(root, "", lines);
            }
        } catch (RuntimeException unreadable) {
            return new YamlLines(Map.of(), offset);
        }
        return new YamlLines(lines, offset);
    }

    private static void walk(Node node, String path, Map<String, Integer> lines) {
        lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    lines.put(child, key.getStartMark().getLine() + 1);
                    walk(tuple.getValueNode(), child, lines);
                    lines.put(child, key.getStartMark().getLine() + 1);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + "[" + i + "]", lines);
            }
        }
    }

    /**
     * @param path a field path
     * @return the line of the field in the file, or of its nearest enclosing field; 0 if none is known
     */
    int line(String path) {
        for (String p = path; ; p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line + offset;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
