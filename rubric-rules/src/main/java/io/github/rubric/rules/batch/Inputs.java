package io.github.rubric.rules.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the inputs of a batch into the subjects to score: a folder gives its facts files, by name; a facts file
 * gives one subject; a many-subjects file (a mapping whose only field is {@code subjects}, a list of facts-file
 * mappings) gives one subject per element.
 *
 * <p>Each subject of a many-subjects file is cut out of the file's text and padded with the newlines and spaces
 * that stood before it, so that the facts reader sees every field on its own line of the file and its errors
 * name the file's real line.
 */
final class Inputs {
    /** The field of a many-subjects file. */
    static final String SUBJECTS = "subjects";

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Inputs() {
    }

    /**
     * One subject to score, or an input that failed before any subject could be read from it.
     *
     * @param source the outcome's source: the file, or {@code file#subjects[i]}
     * @param file the file, as the facts reader and error messages name it
     * @param text the facts text; for a subject of a many-subjects file, its part of the file, padded so that
     *     lines match the file's
     * @param prefix the path of the subject in its file ({@code subjects[2]}), or empty for a facts file
     * @param failure why the input gave no subject, or null
     */
    record Unit(String source, String file, String text, String prefix, Outcome.Failed failure) {
    }

    /**
     * A file to read, or an input that gave none.
     *
     * @param file the file, or null
     * @param failure why the input gave no file, or null
     */
    record Source(Path file, Outcome.Failed failure) {
    }

    /**
     * @param inputs files and folders, in the order given
     * @return the files to read, in order; a missing input or a folder without facts files as a failure
     */
    static List<Source> files(List<Path> inputs) {
        List<Source> files = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.toString();
            if (Files.isDirectory(input)) {
                List<Path> found;
                try (Stream<Path> listing = Files.list(input)) {
                    found = listing.filter(Files::isRegularFile).filter(Inputs::isFactsFile)
                            .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
                } catch (IOException e) {
                    files.add(new Source(null, failed(name, "cannot list the folder: " + e.getMessage())));
                    continue;
                }
                if (found.isEmpty()) {
                    files.add(new Source(null, failed(name, "the folder holds no facts files (*.yaml, *.yml, *.json)")));
                }
                found.forEach(file -> files.add(new Source(file, null)));
            } else if (Files.isRegularFile(input)) {
                files.add(new Source(input, null));
            } else {
                files.add(new Source(null, failed(name, Files.exists(input) ? "is neither a file nor a folder"
                        : "no such file or folder")));
            }
        }
        return files;
    }

    private static boolean isFactsFile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"));
    }

    private static Outcome.Failed failed(String file, String problem) {
        return new Outcome.Failed(file, file, 0, "", file + ": " + problem);
    }

    /**
     * Reads a file and splits it into subjects.
     *
     * @param file a facts file or a many-subjects file
     * @return its subjects, in file order; or one unit holding the failure
     */
    static List<Unit> units(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(failure(failed(name, "cannot read: " + e.getMessage())));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return List.of(failure(failed(name, "is not valid UTF-8")));
        }
        return split(name, text);
    }

    /**
     * @param name the file's name; JSON when it ends in {@code .json}
     * @param text the file's text
     * @return its subjects, in file order; a text that is not a many-subjects file is one subject, whose reading
     *     reports any error of it
     */
    static List<Unit> split(String name, String text) {
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        List<Unit> units = json ? splitJson(name, text) : splitYaml(name, text);
        return units == null ? List.of(new Unit(name, name, text, "", null)) : units;
    }

    /** @return a unit that only reports the failure */
    static Unit failure(Outcome.Failed failed) {
        return new Unit(failed.source(), failed.file(), "", "", failed);
    }

    private static Unit subject(String name, String text, int index, int start, int end, int line, int column) {
        String prefix = SUBJECTS + "[" + index + "]";
        String padded = "\n".repeat(line) + " ".repeat(column) + text.substring(start, end);
        return new Unit(name + "#" + prefix, name, padded, prefix, null);
    }

    private static Unit elementFailure(String name, int index, int line, String problem) {
        String path = SUBJECTS + "[" + index + "]";
        return failure(new Outcome.Failed(name + "#" + path, name, line, path,
                name + (line > 0 ? ":" + line : "") + ": " + path + ": " + problem));
    }

    private static List<Unit> fileFailure(String name, int line, String path, String problem) {
        return List.of(failure(new Outcome.Failed(name, name, line, path,
                name + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + problem)));
    }

    /** @return the subjects, or null when the text is not a readable many-subjects file */
    private static List<Unit> splitYaml(String name, String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            return null;
        }
        Node subjects = null;
        int subjectsLine = 0;
        String other = null;
        int otherLine = 0;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (SUBJECTS.equals(key)) {
                subjects = tuple.getValueNode();
                subjectsLine = tuple.getKeyNode().getStartMark().getLine() + 1;
            } else if (other == null) {
                other = String.valueOf(key);
                otherLine = tuple.getKeyNode().getStartMark().getLine() + 1;
            }
        }
        if (subjects == null) {
            return null;
        }
        if (other != null) {
            return fileFailure(name, otherLine, other, unknownField(other));
        }
        if (!(subjects instanceof SequenceNode sequence)) {
            return fileFailure(name, subjectsLine, SUBJECTS, "expected a list of subjects, each like a facts file");
        }
        if (sequence.getValue().isEmpty()) {
            return fileFailure(name, subjectsLine, SUBJECTS, "the list is empty; expected one or more subjects");
        }
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node element = sequence.getValue().get(i);
            Mark start = element.getStartMark();
            if (!(element instanceof MappingNode)) {
                units.add(elementFailure(name, i, start.getLine() + 1,
                        "expected a mapping with subject, period and the facts, like a facts file"));
                continue;
            }
            Mark end = element.getEndMark();
            // SnakeYAML counts marks in code points; String indexes count chars.
            int from = text.offsetByCodePoints(0, start.getIndex());
            int to = text.offsetByCodePoints(0, end.getIndex());
            units.add(subject(name, text, i, from, to, start.getLine(), start.getColumn()));
        }
        return units;
    }

    private static String unknownField(String field) {
        return "unknown field '" + field + "'; a many-subjects file holds only '" + SUBJECTS
                + "', a list of subjects each like a facts file";
    }

    /** @return the subjects, or null when the text is not a readable many-subjects file */
    private static List<Unit> splitJson(String name, String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<Unit> units = null;
            String other = null;
            int otherLine = 0;
            int subjectsLine = 0;
            boolean notAList = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int fieldLine = parser.currentTokenLocation().getLineNr();
                JsonToken value = parser.nextToken();
                if (!SUBJECTS.equals(field)) {
                    if (other == null) {
                        other = field;
                        otherLine = fieldLine;
                    }
                    parser.skipChildren();
                    continue;
                }
                subjectsLine = fieldLine;
                units = new ArrayList<>();
                if (value != JsonToken.START_ARRAY) {
                    notAList = true;
                    parser.skipChildren();
                    continue;
                }
                int index = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    JsonLocation start = parser.currentTokenLocation();
                    if (token != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        units.add(elementFailure(name, index++, start.getLineNr(),
                                "expected an object with subject, period and the facts, like a facts file"));
                        continue;
                    }
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    units.add(subject(name, text, index++, (int) start.getCharOffset(), end,
                            start.getLineNr() - 1, start.getColumnNr() - 1));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            if (units == null) {
                return null;
            }
            if (other != null) {
                return fileFailure(name, otherLine, other, unknownField(other));
            }
            if (notAList) {
                return fileFailure(name, subjectsLine, SUBJECTS, "expected a list of subjects, each like a facts file");
            }
            if (units.isEmpty()) {
                return fileFailure(name, subjectsLine, SUBJECTS, "the list is empty; expected one or more subjects");
            }
            return units;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
