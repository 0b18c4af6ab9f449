package io.github.rubric.rules;

import java.io.StringReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
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
                walk(root, "", lines, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        } catch (RuntimeException unreadable) {
            return new YamlLines(Map.of(), offset);
        }
        return new YamlLines(lines, offset);
    }

    private static void walk(Node node, String path, Map<String, Integer> lines, Set<Node> seen) {
        lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
        if (!seen.add(node)) {
            // An alias: the node was indexed where its anchor stands. Walking it again would make an alias
            // bomb (each level doubling the nodes) exponential.
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    lines.put(child, key.getStartMark().getLine() + 1);
                    walk(tuple.getValueNode(), child, lines, seen);
                    lines.put(child, key.getStartMark().getLine() + 1);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + "[" + i + "]", lines, seen);
            }
        }
    }

    /**
     * Finds the first YAML anchor ({@code &name}) or alias ({@code *name}) of a document, reading its events only
     * (nothing is expanded). Jackson reads an alias as the plain text of its name, so a value given by alias
     * would change silently; and aliases are how a small file grows into a huge one ("billion laughs").
     *
     * @param text a YAML document
     * @return the 1-based line of the first anchor or alias, or 0 when there is none (or the YAML is malformed;
     *     the binding reports that)
     */
    static int firstAnchorOrAlias(String text) {
        try {
            int depth = 0;
            for (Event event : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
                if (event instanceof AliasEvent
                        || (event instanceof NodeEvent node && node.getAnchor() != null)) {
                    return event.getStartMark().getLine() + 1;
                }
                if (event instanceof CollectionStartEvent) {
                    depth++;
                    if (depth > Binding.MAX_NESTING) {
                        // SnakeYAML's scanner slows down with depth; the binding refuses such nesting anyway.
                        return 0;
                    }
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (RuntimeException unreadable) {
            return 0;
        }
        return 0;
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
