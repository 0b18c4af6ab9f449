package io.github.rubric.rules;

import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.TypeDeclaration;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule.CompilationCache;
import org.drools.core.BaseConfigurationFactories;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.io.DescrResource;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KieDescr;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.conf.CompositeBaseConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a rubric's DRL into a {@link KieBase} and ties its rules to the header's items.
 *
 * <p>It uses the {@link KnowledgeBuilder} directly rather than a {@code KieContainer}: nothing is registered in
 * the global {@code KieRepository}, so reloading a rubric a thousand times leaks nothing, and two rubrics
 * never share a release id.
 */
final class RubricCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RubricCompiler.class);
    private static final Pattern SCORE_GLOBAL = Pattern.compile("^\\s*global\\s+\\S+\\s+score\\s*;?\\s*$", Pattern.MULTILINE);
    private static final Pattern PACKAGE_LINE = Pattern.compile("^\\s*package\\s+\\S");
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    /**
     * The DRL language level of every rubric's parse, safe mode's and the build's alike, whatever a system property or
     * a {@code kie} configuration on the class path says: a tree safe mode read is the tree Drools compiles.
     */
    static final LanguageLevelOption LANGUAGE_LEVEL = DrlParser.DEFAULT_LANGUAGE_LEVEL;

    private RubricCompiler() {
    }

    /**
     * A compiled rubric's engine part.
     *
     * @param factsLookedUp whether some consequence may look a fact up in the session by its object (see
     *     {@link #looksUpFacts})
     */
    record Compiled(KieBase kieBase, Map<String, RuleInfo> rules, Map<String, FactType> declaredTypes,
                    boolean factsLookedUp, List<Gates.Gate> gates) {
    }

    /** @return the bytes of every class Drools compiled for the rules, by resource name ({@code a/b/C.class}) */
    private static Map<String, byte[]> classBytes(KieBase kieBase) {
        Map<String, byte[]> classes = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            if (kiePackage instanceof InternalKnowledgePackage pkg
                    && pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java) {
                classes.putAll(java.getStore());
            }
        }
        return classes;
    }

    /**
     * Drools keeps the bytecode of every class it compiled for the rules (consequences, their invokers, functions)
     * after loading it, for knowledge bases that later change or are serialised; a compiled rubric does neither. Each
     * class is loaded now (most already are), after which its class loader finds it loaded and never reads the
     * bytes again, and the bytes are dropped: a fifth of a compiled rubric's heap. If any class fails to load, the
     * bytes stay.
     *
     * @return the first failure to load a class, or null
     */
    private static Throwable dropClassBytes(KieBase kieBase) {
        Throwable first = null;
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            if (!(kiePackage instanceof InternalKnowledgePackage pkg)
                    || !(pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java)
                    || java.getClassLoader() == null || java.getStore().isEmpty()) {
                continue;
            }
            try {
                for (String resource : java.getStore().keySet()) {
                    String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
                    Class.forName(name, false, java.getClassLoader());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("keeping the rules' class bytes of package {}: {}", pkg.getName(), e.toString());
                first = first == null ? e : first;
                continue;
            }
            java.getStore().clear();
        }
        return first;
    }

    /**
     * Names through which a consequence finds a fact's handle from its object: {@code delete($m)},
     * {@code modify($m) {…}}, {@code update($m)}, or the session itself ({@code drools}, {@code kcontext}).
     */
    static final Set<String> FACT_LOOKUPS = Set.of("delete", "retract", "modify", "update", "insertLogical",
            "drools", "kcontext", "getFactHandle", "getFactHandles", "getObjects", "getKieRuntime",
            "getWorkingMemory", "getEntryPoint");

    /**
     * Whether any rule may look a fact up in the session by its object. When none does, the facts of an evaluation
     * can go straight into the rule network without being kept in the session's store of objects, whose only use
     * is that lookup. A name in a comment or a string does not count; any other use does, wherever it is.
     *
     * @param tokens the rubric file's tokens
     * @return true when the file names one of {@link #FACT_LOOKUPS}
     */
    private static boolean looksUpFacts(List<DrlTokens.Token> tokens) {
        return tokens.stream().anyMatch(t -> t.kind() == DrlTokens.Kind.NAME && FACT_LOOKUPS.contains(t.text()));
    }

    static Compiled compile(RubricSource source, HeaderReader.Header header) {
        return compile(source, header, build(source, null), null);
    }

    /**
     * The rules as Drools built them.
     *
     * @param builder the builder holding the compiled rules or the problems found
     * @param key where the cache keeps the classes compiled from this text, or null without a cache
     * @param fromCache whether the classes were taken from the cache
     * @param prepared the text the builder compiled, with its gates
     */
    record Built(KnowledgeBuilder builder, ClassCache.Key key, boolean fromCache, Prepared prepared) {
    }

    /**
     * Parses and compiles the rules, which needs nothing from the header.
     *
     * @param source the rubric file
     * @param cache where classes compiled before are kept, or null
     * @return the builder holding the compiled rules or the problems found
     */
    static Built build(RubricSource source, ClassCache cache) {
        return build(source, cache, true);
    }

    /**
     * @param useEntry whether the classes may be taken from the cache; false compiles them and writes the entry anew
     *     (after an entry's classes failed)
     */
    static Built build(RubricSource source, ClassCache cache, boolean useEntry) {
        return build(source, cache, useEntry, prepare(source), null);
    }

    /**
     * The text the rules are built from (the file's, or with the gates of {@link Gates} written in), and what else
     * is read from the file's tokens, which are read once: for the gates, the names that look facts up and safe mode.
     *
     * @param lexed the file's tokens
     * @param factsLookedUp see {@link #looksUpFacts}
     */
    record Prepared(DrlTokens lexed, Gates.Plan plan, boolean factsLookedUp, String text) {
    }

    static Prepared prepare(RubricSource source) {
        DrlTokens lexed = DrlTokens.of(source.text(), 1);
        Gates.Plan plan = Gates.plan(source.text(), lexed.tokens());
        return new Prepared(lexed, plan, looksUpFacts(lexed.tokens()),
                plan == Gates.Plan.NONE ? source.text() : plan.text());
    }

    /**
     * @param prepared the text to build, from {@link #prepare}
     * @param parsed that text as Drools' parser read it, when safe mode has read it already, or null to parse it
     */
    static Built build(RubricSource source, ClassCache cache, boolean useEntry, Prepared prepared,
                       PackageDescr parsed) {
        String text = prepared.text();
        ClassCache.Key key = cache == null ? null : cache.key(sourcePath(source.name()), text);
        CompilationCache classes = key == null || !useEntry ? null : cache.read(key);
        if (classes != null) {
            // the same text compiled without a problem when the entry was written: any problem now is the entry's
            String why;
            try {
                KnowledgeBuilder fromEntry = build(source, text, parsed, classes);
                if (!fromEntry.hasErrors()) {
                    return new Built(fromEntry, key, true, prepared);
                }
                why = oneLine(fromEntry.getErrors().iterator().next().getMessage());
            } catch (RuntimeException | LinkageError e) {
                why = e.toString();
            }
            LOG.warn("the rules of {} did not build from the compiled-class cache entry {} ({}); compiling them",
                    source.name(), key.file(), why);
            // built once already, the parse tree may carry what that build set in it: the text is parsed afresh
            return new Built(build(source, text, null, null), key, false, prepared);
        }
        return new Built(build(source, text, parsed, null), key, false, prepared);
    }

    /**
     * Compiles a text of the rubric's rules: the file's own, or with the gates of {@link Gates} written in.
     *
     * @param parsed the text as Drools' parser read it, or null to parse it here
     * @param classes the classes compiled before from this very text, or null to compile them
     */
    private static KnowledgeBuilder build(RubricSource source, String text, PackageDescr parsed,
                                          CompilationCache classes) {
        if (parsed == null) {
            // parsed as Drools parses it, with the faster lexer (see DrlParsing); a text with errors is left to Drools,
            // which reports them as it always has
            parsed = parseOrNull(text);
        }
        // One class loader for the rules and the knowledge base: the declared types are defined once, not again
        // in a class loader of the knowledge base's own, and failed class lookups stop at the shared negative cache.
        KnowledgeBuilderConfiguration configuration =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RubricClassLoader.create());
        configuration.setOption(LANGUAGE_LEVEL);
        // the rules' Java compiled with the class path's class files read once per JVM, not once per compilation
        EcjCompiler.DialectConfiguration.install(configuration.as(KnowledgeBuilderConfigurationImpl.KEY));
        if (classes != null) {
            configuration.as(KnowledgeBuilderConfigurationImpl.KEY).setCompilationCache(classes);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        if (parsed != null) {
            // Drools keeps the resource with each declared type and rule, for as long as the rubric lives: the parse
            // tree is let go once the rules are built.
            Parsed resource = new Parsed(parsed);
            resource.setSourcePath(sourcePath(source.name()));
            resource.own(parsed);
            builder.add(resource, ResourceType.DESCR);
            resource.release();
            return builder;
        }
        // A text with errors: Drools reads it from a reader, closed (and so letting the text go) once read, rather
        // than from a copy of the file in bytes.
        StringReader rules = new StringReader(text);
        builder.add(ResourceFactory.newReaderResource(rules, StandardCharsets.UTF_8.name())
                .setSourcePath(sourcePath(source.name())), ResourceType.DRL);
        rules.close();
        return builder;
    }

    private static PackageDescr parseOrNull(String text) {
        try {
            return DrlParsing.parse(text, LANGUAGE_LEVEL).parsed();
        } catch (DroolsParserException e) {
            return null;
        }
    }

    /**
     * A parse tree handed to Drools as its resource ({@link ResourceType#DESCR}), which lets the tree go once the
     * rules are built: Drools keeps the resource it built a declared type or rule from.
     */
    private static final class Parsed extends DescrResource {
        private static final long serialVersionUID = 1L;
        private transient PackageDescr descr;

        Parsed(PackageDescr descr) {
            this.descr = descr;
        }

        @Override
        public KieDescr getDescr() {
            return descr;
        }

        void release() {
            descr = null;
        }

        /**
         * Names this resource as the one the package's declarations come from, as Drools' parser does when it reads
         * a resource's text itself (and what Drools reports a function's or an import's problem against); the rules
         * are given it by Drools.
         */
        void own(PackageDescr parsed) {
            List<List<? extends BaseDescr>> declarations = List.of(parsed.getImports(), parsed.getFunctionImports(),
                    parsed.getAccumulateImports(), parsed.getGlobals(), parsed.getAttributes(), parsed.getFunctions(),
                    parsed.getTypeDeclarations(), parsed.getEnumDeclarations(),
                    List.copyOf(parsed.getEntryPointDeclarations()), List.copyOf(parsed.getWindowDeclarations()));
            for (List<? extends BaseDescr> kind : declarations) {
                for (BaseDescr declaration : kind) {
                    if (declaration.getResource() == null) {
                        declaration.setResource(this);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "the rules of " + getSourcePath() + " as parsed";
        }
    }

    /**
     * Checks the compiled rules against the header and makes the rubric's knowledge base.
     *
     * @param source the rubric file
     * @param header its header
     * @param built its rules, from {@link #build}
     * @param cache where to keep the classes compiled for the rules, or null
     * @return the engine part of the rubric
     * @throws RubricException naming every problem found, by file and line
     */
    static Compiled compile(RubricSource source, HeaderReader.Header header, Built built, ClassCache cache) {
        Gates.Plan plan = built.prepared().plan();
        KnowledgeBuilder builder = built.builder();
        if (plan != Gates.Plan.NONE && builder.hasErrors()) {
            // the file as written, so that every problem is reported as it stands in the file
            builder = build(source, source.text(), null, null);
            plan = Gates.Plan.NONE;
        }
        List<RubricException.Problem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            int line = result.getLines() == null || result.getLines().length == 0
                    ? 0 : Arrays.stream(result.getLines()).filter(l -> l > 0).min().orElse(0);
            problems.add(new RubricException.Problem(source.name(), line, "rules: " + oneLine(result.getMessage())));
        }
        if (problems.size() > 1) {
            // Drools adds this after any syntax error; the syntax error itself says more.
            problems.removeIf(p -> p.message().contains("Parser returned a null Package"));
        }
        if (!problems.isEmpty() && !SCORE_GLOBAL.matcher(source.text()).find()) {
            // Without the global every consequence fails with "score cannot be resolved"; say what is missing.
            problems.removeIf(p -> p.message().contains("score cannot be resolved"));
            problems.add(missingScoreGlobal(source));
        }
        if (!problems.isEmpty()) {
            throw new RubricException(sorted(problems));
        }
        InternalKnowledgeBase kieBase = builder instanceof KnowledgeBuilderImpl impl
                && impl.getRootClassLoader() instanceof RubricClassLoader loader
                ? KnowledgeBaseFactory.newKnowledgeBase(new CompositeBaseConfiguration(loader.defaultProperties(), loader,
                        BaseConfigurationFactories.baseConf, BaseConfigurationFactories.ruleConf,
                        BaseConfigurationFactories.flowConf))
                : KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());

        boolean scoreDeclared = kieBase.getKiePackages().stream()
                .anyMatch(p -> Scoring.class.getName().equals(p.getGlobalVariables().stream()
                        .filter(g -> g.getName().equals("score")).map(g -> g.getType()).findFirst().orElse(null)));
        if (!scoreDeclared) {
            problems.add(missingScoreGlobal(source));
        }
        Map<String, Integer> ruleLines = ruleLines(source);
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        Map<String, FactType> declared = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                if (declaredHere(pkg, type)) {
                    declared.put(type.getSimpleName(), type);
                    checkBounds(type, source, problems);
                }
            }
            for (Rule rule : pkg.getRules()) {
                int line = ruleLines.getOrDefault(rule.getName(), 0);
                RuleInfo info = info(rule, line, header, source.name(), problems);
                if (info != null) {
                    rules.put(rule.getName(), info);
                }
            }
        }
        RubricDefinition definition = header.definition();
        Map<String, Integer> rulesPerItem = new HashMap<>();
        rules.values().forEach(r -> {
            if (r.item() != null) {
                rulesPerItem.merge(r.item(), 1, Integer::sum);
            }
        });
        definition.items().forEach(item -> {
            if (!item.needsJudgement() && !rulesPerItem.containsKey(item.id())) {
                problems.add(new RubricException.Problem(source.name(),
                        header.lines().line(HeaderReader.itemPath(definition, item.id())),
                        "item '" + item.id() + "' (" + item.title() + ") has no rule; write its criteria as rules,"
                                + " or declare it 'discretionary: true' (酌情评分) or give it 'grades'"));
            }
        });
        if (!problems.isEmpty()) {
            throw new RubricException(sorted(problems));
        }
        if (cache != null && built.key() != null && !built.fromCache() && builder == built.builder()) {
            cache.write(built.key(), classBytes(kieBase));
        }
        Throwable unloadable = dropClassBytes(kieBase);
        if (unloadable != null && built.fromCache() && builder == built.builder()) {
            // the classes compiled for this text loaded when the entry was written (see RubricLoader's retry)
            throw new IllegalStateException("a class of the compiled-class cache entry does not load: " + unloadable,
                    unloadable);
        }
        ResultConstraints.compilable(kieBase);
        return new Compiled(kieBase, Map.copyOf(rules), Map.copyOf(declared), built.prepared().factsLookedUp(),
                Gates.locate(kieBase, plan));
    }

    /** The problem of a missing {@code score} global, at the package line, where the declaration belongs. */
    private static RubricException.Problem missingScoreGlobal(RubricSource source) {
        String[] lines = source.text().split("\n", -1);
        int line = 0;
        for (int i = 0; i < lines.length && line == 0; i++) {
            if (PACKAGE_LINE.matcher(lines[i]).find()) {
                line = i + 1;
            }
        }
        return new RubricException.Problem(source.name(), line,
                "the rules must declare 'global " + Scoring.class.getName() + " score;' to report what they find");
    }

    /**
     * Drools also lists a fact type for each existing class the rules match on (Meeting, List…); only the types
     * the file declares itself are records a facts file may give.
     */
    private static boolean declaredHere(KiePackage pkg, FactType type) {
        if (!(pkg instanceof InternalKnowledgePackage internal)) {
            return true;
        }
        TypeDeclaration declaration = internal.getTypeDeclaration(type.getSimpleName());
        return declaration != null && declaration.isDefinition() && declaration.isGeneratedFact()
                && !type.getFactClass().isEnum();
    }

    private static RuleInfo info(Rule rule, int line, HeaderReader.Header header, String file,
                                 List<RubricException.Problem> problems) {
        Map<String, Object> meta = rule.getMetaData();
        Object item = meta.get("item");
        boolean bonus = meta.containsKey("bonus");
        if (item == null && !bonus) {
            problems.add(new RubricException.Problem(file, line, "rule \"" + rule.getName()
                    + "\" names no item: add @item(\"<item id>\") after its name (or @bonus for a bonus rule)"));
            return null;
        }
        if (item != null && bonus) {
            problems.add(new RubricException.Problem(file, line, "rule \"" + rule.getName()
                    + "\" has both @item and @bonus; a rule either scores an item or awards a bonus"));
            return null;
        }
        String itemId = item == null ? null : String.valueOf(item).strip();
        if (itemId != null) {
            Item declared = header.definition().item(itemId).orElse(null);
            if (declared == null) {
                problems.add(new RubricException.Problem(file, line, "rule \"" + rule.getName() + "\" scores item '"
                        + itemId + "', which the rubric header does not declare; declared items: "
                        + String.join(", ", header.definition().items().map(Item::id).toList())));
                return null;
            }
        }
        List<String> exempt = new ArrayList<>();
        Object exemptMeta = meta.get("exempt");
        if (exemptMeta != null) {
            for (String name : String.valueOf(exemptMeta).split("[,，、]")) {
                if (!name.isBlank()) {
                    exempt.add(name.strip());
                }
            }
        }
        return new RuleInfo(rule.getName(), itemId, bonus, exempt, line);
    }

    /** A declared field's {@code @min(…)}/{@code @max(…)} must be a number, on a numeric field. */
    private static void checkBounds(FactType type, RubricSource source, List<RubricException.Problem> problems) {
        for (FactField field : type.getFields()) {
            for (String bound : List.of("min", "max")) {
                Object value = field.getMetaData() == null ? null : field.getMetaData().get(bound);
                if (value == null) {
                    continue;
                }
                int line = declareLine(source.text(), type.getSimpleName());
                String where = "declared field " + type.getSimpleName() + "." + field.getName() + ": @" + bound
                        + "(" + value + ")";
                if (!isNumeric(field.getType())) {
                    problems.add(new RubricException.Problem(source.name(), line, where
                            + " bounds a field that is not a number"));
                    continue;
                }
                try {
                    FactsReader.bound(field, bound);
                } catch (NumberFormatException e) {
                    problems.add(new RubricException.Problem(source.name(), line, where + " is not a number"));
                }
            }
        }
    }

    private static boolean isNumeric(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == short.class
                || type == byte.class || type == double.class || type == float.class;
    }

    private static int declareLine(String text, String typeName) {
        Pattern declare = Pattern.compile("^\\s*declare\\s+" + Pattern.quote(typeName) + "\\b");
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (declare.matcher(all[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Map<String, Integer> ruleLines(RubricSource source) {
        Map<String, Integer> lines = new HashMap<>();
        String[] all = source.text().split("\n", -1);
        // Start after the header, whose YAML could hold a line that looks like a rule.
        int afterHeader = source.headerOffset() + (int) source.header().chars().filter(c -> c == '\n').count() + 1;
        for (int i = afterHeader; i < all.length; i++) {
            Matcher m = RULE_LINE.matcher(all[i]);
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                lines.putIfAbsent(name, i + 1);
            }
        }
        return lines;
    }

    static String sourcePath(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return "rubric/" + (base.endsWith(".drl") ? base : base + ".drl");
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static List<RubricException.Problem> sorted(List<RubricException.Problem> problems) {
        List<RubricException.Problem> copy = new ArrayList<>(problems);
        copy.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return copy;
    }
}
