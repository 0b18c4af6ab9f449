package io.github.rubric.rules;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.CombinedScorecard;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.RubricDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

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
 * <p>Files and text from outside the application are loaded in safe mode, classpath resources trusted; every
 * evaluation keeps to a firing limit and a time budget, and facts files to a size limit. {@link #loader()}
 * chooses otherwise; {@link RubricLoader} and {@code docs/security.md} explain both.
 *
 * <p>Instances are immutable and safe to share between threads: each evaluation uses its own session.
 */
public final class Rubric {
    private final RubricSource.Kept source;
    private final RubricDefinition definition;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final FactsReader factsReader;
    private final Map<String, FactType> declaredTypes;
    private final Limits limits;
    private final SessionPool sessions;
    private final boolean isolated;
    private final FactFilter filter;
    private final ItemIndex items;
    private final Map<String, RuleShapes.Shape> shapes;
    private final RubricRef ref;

    Rubric(RubricSource.Kept source, HeaderReader.Header header, RubricCompiler.Compiled compiled, Limits limits,
           boolean isolated) {
        this.source = source;
        this.limits = limits;
        this.isolated = isolated;
        this.definition = header.definition();
        this.kieBase = compiled.kieBase();
        this.rules = compiled.rules();
        this.declaredTypes = compiled.declaredTypes();
        this.filter = new FactFilter(!compiled.factsLookedUp(), compiled.gates());
        this.items = ItemIndex.of(definition);
        this.ref = new RubricRef(definition.id(), definition.title(), definition.version(), source.sha256());
        this.factsReader = new FactsReader(items, declaredTypes);
        this.shapes = RuleShapes.of(kieBase);
        this.sessions = new SessionPool(kieBase, !isolated);
    }

    /**
     * A loader with chosen trust and limits: {@code Rubric.loader().trusted().firingLimit(…).fromFile(path)}.
     * The static factories below use a loader's defaults.
     *
     * @return a new loader
     */
    public static RubricLoader loader() {
        return new RubricLoader();
    }

    /**
     * Loads a rubric file from the file system in safe mode (see {@link RubricLoader}), with the default limits.
     *
     * @param file the rubric file
     * @return the compiled rubric
     * @throws RubricException if the file has errors, is refused by safe mode, or cannot be read
     */
    public static Rubric fromFile(Path file) {
        return loader().fromFile(file);
    }

    /**
     * Loads a rubric file from the classpath, trusted (it ships with the application), with the default limits.
     *
     * @param resource the resource name, such as {@code rubrics/seed000.drl}
     * @return the compiled rubric
     * @throws RubricException if there is no such resource or it has errors
     */
    public static Rubric fromClasspath(String resource) {
        return loader().fromClasspath(resource);
    }

    /**
     * Loads a rubric from text in safe mode (see {@link RubricLoader}), with the default limits.
     *
     * @param sourceName a name for error messages and the scorecard, such as the file it came from
     * @param text the rubric file's content
     * @return the compiled rubric
     * @throws RubricException if the text has errors or is refused by safe mode
     */
    public static Rubric fromString(String sourceName, String text) {
        return loader().fromString(sourceName, text);
    }

    /** @return the rubric's structure as its header declares it */
    public RubricDefinition definition() {
        return definition;
    }

    /** @return the rubric's id, version and content hash, as scorecards record them */
    public RubricRef ref() {
        return ref;
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
     * Describes a type the rubric declares itself, for tools that write or generate facts files.
     *
     * @param type a declared type's name, one of {@link #declaredTypes()}
     * @return its fields, their bounds and whether a record of it is required
     * @throws IllegalArgumentException if the rubric declares no such type
     */
    public DeclaredType declaredType(String type) {
        FactType factType = declaredTypes.get(type);
        if (factType == null) {
            throw new IllegalArgumentException("rubric " + source.name() + " declares no type '" + type
                    + "'; it declares: " + declaredTypes());
        }
        List<DeclaredType.Field> fields = factType.getFields().stream()
                .map(f -> new DeclaredType.Field(f.getName(), f.getType(), FactsReader.bound(f, "min"),
                        FactsReader.bound(f, "max")))
                .toList();
        boolean required = factType.getMetaData() != null && factType.getMetaData().containsKey("required");
        return new DeclaredType(factType.getSimpleName(), required, fields);
    }

    /**
     * Reads a facts file for this rubric; the rubric's declared types may appear under {@code records}.
     *
     * @param file a YAML file, or JSON when its name ends in {@code .json}
     * @return the facts
     * @throws FactsException naming the file, line and field of any problem
     */
    public FactSet readFacts(Path file) {
        String name = file.toString();
        try {
            return readFacts(name, Inputs.utf8(Inputs.read(file, limits.maxFileSize())));
        } catch (IOException e) {
            throw new FactsException(name, 0, "", "cannot read: " + e.getMessage());
        } catch (Inputs.Refused e) {
            throw new FactsException(name, e.line(), "", e.getMessage());
        }
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
        try {
            Inputs.checkSize(text, limits.maxFileSize());
        } catch (Inputs.Refused e) {
            throw new FactsException(sourceName, 0, "", e.getMessage());
        }
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
     * Scores one subject's facts. The same facts always give the same scorecard. Besides the facts, the rules
     * see the subject, the {@code AssessmentPeriod} and the {@code Round} being scored.
     *
     * @param facts the facts
     * @return the scorecard
     * @throws FactsException if the facts do not fit the rubric (a judgement for an unknown item, say)
     * @throws EvaluationException if a rule fails, or the evaluation exceeds the rubric's firing limit or time
     *     budget (see {@link RubricLoader})
     */
    public Scorecard score(FactSet facts) {
        // Without the checks of evaluate(): scoring many subjects should not pay for explanations nobody reads.
        Tally tally = new Tally();
        Scoring scoring = new Scoring(source.name(), items, rules, new EvidenceIndex(facts), facts.subject(), tally);
        SessionRunner.run(source.name(), sessions, filter, scoring, tally, facts, limits, isolated);
        return ScorecardBuilder.build(items, ref(), facts, tally);
    }

    /**
     * Scores one subject's facts and keeps how: which rules fired, and which criteria were checked against
     * which facts (the explanation of a full score as well as of a deduction).
     *
     * @param facts the facts
     * @return the scorecard with its rule firings and checks
     * @throws FactsException if the facts do not fit the rubric
     * @throws EvaluationException if a rule fails
     */
    public Evaluation evaluate(FactSet facts) {
        List<Check> checks;
        Tally tally = new Tally();
        Scoring scoring = new Scoring(source.name(), items, rules, new EvidenceIndex(facts), facts.subject(), tally);
        // every fact inserted, unfiltered: the explanation lists the facts each criterion examined
        checks = SessionRunner.run(source.name(), sessions, null, filter.gateFacts(), scoring, tally, facts, limits,
                isolated, session -> Examiner.checks(rules, shapes, session, facts, tally.firings));
        Map<String, Integer> firings = new java.util.HashMap<>(tally.firings);
        rules.keySet().forEach(rule -> firings.putIfAbsent(rule, 0));
        return new Evaluation(ScorecardBuilder.build(items, ref(), facts, tally), firings, checks);
    }

    // for tests: the rules evaluated only when they can fire
    List<Gates.Gate> gates() {
        return filter.gates();
    }

    // for the lint and other tools in this package: the file as it was read
    RubricSource source() {
        return source.source();
    }

    Map<String, RuleInfo> rules() {
        return rules;
    }

    Map<String, RuleShapes.Shape> shapes() {
        return shapes;
    }

    KieBase kieBase() {
        return kieBase;
    }

    SessionPool sessions() {
        return sessions;
    }

    /**
     * Scores one subject's rounds (自查 and 复查, or several 专项督查 and the 年终综合考评) and combines them as the
     * rubric's header declares under {@code rounds}: each facts set gives a scorecard, the rounds are weighted,
     * a repeated round's deductions add up, and bonus, pass line and grade apply to the combined total.
     *
     * @param rounds one facts set per round (several for a round the rubric accumulates), all for the same
     *     subject and period
     * @return the combined result, with every round's scorecard
     * @throws FactsException if the rubric declares no rounds, a facts set is for a round the rubric does not
     *     combine, for another subject or period, repeats a round held once, or a declared round is missing
     * @throws IllegalArgumentException if no facts are given
     * @throws EvaluationException if a rule fails
     */
    public CombinedScorecard scoreRounds(List<FactSet> rounds) {
        List<FactSet> facts = List.copyOf(rounds);
        RoundCombiner.check(definition, facts);
        List<Scorecard> cards = facts.stream().map(this::score).toList();
        return RoundCombiner.combine(definition, ref(), facts, cards);
    }
}
