package io.github.rubric.rules;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.RubricDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled rubric: the door to Rubric. Load one rubric file, then score facts against it.
 *
 * <pre>{@code
 * Rubric rubric = Rubric.fromClasspath("rubrics/seed000.drl");
 * Scorecard card = rubric.score(Path.of("branch.yaml"));
 * System.out.println(Scorecards.toText(card));
 * }</pre>
 *
 * <p>A rubric file is DRL whose opening comment {@code /*--- … ---*}{@code /} holds the rubric's structure in
 * YAML (see the README). Loading parses the header, checks that its points add up, compiles the rules, and
 * checks that every rule scores a declared item and every item is scored; any problem fails with a
 * {@link RubricException} naming the file and line.
 *
 * <p>Instances are immutable and safe to share between threads: each evaluation uses its own session.
 */
public final class Rubric {
    private static final Logger LOG = LoggerFactory.getLogger(Rubric.class);

    private final RubricSource source;
    private final RubricDefinition definition;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final FactsReader factsReader;
    private final Map<String, FactType> declaredTypes;
    private final Evaluator evaluator;

    private Rubric(RubricSource source, HeaderReader.Header header, RubricCompiler.Compiled compiled) {
        this.source = source;
        this.definition = header.definition();
        this.kieBase = compiled.kieBase();
        this.rules = compiled.rules();
        this.declaredTypes = compiled.declaredTypes();
        this.factsReader = new FactsReader(declaredTypes);
        this.evaluator = new Evaluator(source.name(), definition, ref(), kieBase, rules);
    }

    /**
     * Loads a rubric file from the file system.
     *
     * @param file the rubric file
     * @return the compiled rubric
     * @throws RubricException if the file has errors, or cannot be read
     */
    public static Rubric fromFile(Path file) {
        return fromString(file.toString(), read(file.toString(), () -> Files.readAllBytes(file)));
    }

    /**
     * Loads a rubric file from the classpath.
     *
     * @param resource the resource name, such as {@code rubrics/seed000.drl}
     * @return the compiled rubric
     * @throws RubricException if there is no such resource or it has errors
     */
    public static Rubric fromClasspath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Rubric.class.getClassLoader();
        }
        ClassLoader chosen = loader;
        return fromString("classpath:" + name, read("classpath:" + name, () -> {
            try (InputStream in = chosen.getResourceAsStream(name)) {
                if (in == null) {
                    throw new java.io.FileNotFoundException("no such resource on the classpath");
                }
                return in.readAllBytes();
            }
        }));
    }

    /**
     * Loads a rubric from text.
     *
     * @param sourceName a name for error messages and the scorecard, such as the file it came from
     * @param text the rubric file's content
     * @return the compiled rubric
     * @throws RubricException if the text has errors
     */
    public static Rubric fromString(String sourceName, String text) {
        long start = System.nanoTime();
        RubricSource source = RubricSource.of(sourceName, text.replace("\r\n", "\n"));
        RubricCompiler.Loaded loaded = RubricCompiler.load(source);
        HeaderReader.Header header = loaded.header();
        RubricCompiler.Compiled compiled = loaded.compiled();
        LOG.debug("compiled rubric {} from {} in {} ms", header.definition().id(), sourceName,
                (System.nanoTime() - start) / 1_000_000);
        return new Rubric(source, header, compiled);
    }

    private interface Reader {
        byte[] read() throws IOException;
    }

    private static String read(String name, Reader reader) {
        try {
            return utf8(name, reader.read());
        } catch (IOException e) {
            throw new RubricException(List.of(new RubricException.Problem(name, 0, "cannot read: " + e.getMessage())));
        }
    }

    static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RubricException(List.of(new RubricException.Problem(name, 0, "is not valid UTF-8")));
        }
    }

    /** @return the rubric's structure as its header declares it */
    public RubricDefinition definition() {
        return definition;
    }

    /** @return the rubric's id, version and content hash, as scorecards record them */
    public RubricRef ref() {
        return new RubricRef(definition.id(), definition.title(), definition.version(), source.sha256());
    }

    /** @return the name the rubric was loaded from */
    public String sourceName() {
        return source.name();
    }

    /** @return the names of the rules, sorted */
    public Set<String> ruleNames() {
        return new TreeSet<>(rules.keySet());
    }

    /** @return the names of the fact types the rubric declares itself, which facts files give under {@code records} */
    public Set<String> declaredTypes() {
        return new TreeSet<>(declaredTypes.keySet());
    }

    /**
     * Reads a facts file for this rubric; the rubric's declared types may appear under {@code records}.
     *
     * @param file a YAML file, or JSON when its name ends in {@code .json}
     * @return the facts
     * @throws FactsException naming the file, line and field of any problem
     */
    public FactSet readFacts(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FactsException(file.toString(), 0, "", "cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FactsException(file.toString(), 0, "", "is not valid UTF-8");
        }
        return readFacts(file.toString(), text);
    }

    /**
     * Reads facts from text.
     *
     * @param sourceName a name for error messages and the scorecard
     * @param text YAML, or JSON when the name ends in {@code .json}
     * @return the facts
     * @throws FactsException naming the source, line and field of any problem
     */
    public FactSet readFacts(String sourceName, String text) {
        return factsReader.read(sourceName, text);
    }

    /**
     * Reads a facts file and scores it.
     *
     * @param factsFile the facts file
     * @return the scorecard
     * @throws FactsException if the facts are malformed or do not fit the rubric
     */
    public Scorecard score(Path factsFile) {
        return score(readFacts(factsFile));
    }

    /**
     * Scores one subject's facts. The same facts always give the same scorecard.
     *
     * @param facts the facts
     * @return the scorecard
     * @throws FactsException if the facts do not fit the rubric (a judgement for an unknown item, say)
     * @throws EvaluationException if a rule fails
     */
    public Scorecard score(FactSet facts) {
        return evaluator.score(facts);
    }
}
