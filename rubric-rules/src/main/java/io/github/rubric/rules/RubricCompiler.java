package io.github.rubric.rules;

import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a rubric's DRL into a {@link KieBase} and ties its rules to the header's items.
 *
 * <p>It uses the {@link KnowledgeBuilder} directly rather than a {@code KieContainer}: nothing is registered in
 * the global {@code KieRepository}, so reloading a rubric a thousand times leaks nothing, and two rubrics
 * never share a release id.
 */
final class RubricCompiler {
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    private RubricCompiler() {
    }

    /** A compiled rubric's engine part. */
    record Compiled(KieBase kieBase, Map<String, RuleInfo> rules, Map<String, FactType> declaredTypes) {
    }

    /** A rubric file's header and compiled rules. */
    record Loaded(HeaderReader.Header header, Compiled compiled) {
    }

    /**
     * Reads the header and compiles the rules of a rubric file. The two do not depend on each other until the
     * rules are checked against the header, and in a fresh JVM both are mostly class loading (Jackson and
     * SnakeYAML for one, the DRL parser and the Java compiler for the other), so the header is read on a
     * thread of its own while the rules compile. Problems are reported as if one came after the other: a
     * problem in the header first.
     */
    static Loaded load(RubricSource source) {
        FutureTask<HeaderReader.Header> reading = new FutureTask<>(() -> HeaderReader.read(source));
        Thread reader = new Thread(reading, "rubric-header-reader");
        reader.setDaemon(true);
        reader.start();
        KnowledgeBuilder builder = null;
        RuntimeException failure = null;
        try {
            builder = build(source);
        } catch (RuntimeException e) {
            failure = e;
        }
        HeaderReader.Header header = header(reading);
        if (failure != null) {
            throw failure;
        }
        return new Loaded(header, compile(source, header, builder));
    }

    private static HeaderReader.Header header(FutureTask<HeaderReader.Header> reading) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return reading.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("reading the rubric header failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Compiled compile(RubricSource source, HeaderReader.Header header) {
        return compile(source, header, build(source));
    }

    private static KnowledgeBuilder build(RubricSource source) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
                .setSourcePath(sourcePath(source.name())), ResourceType.DRL);
        return builder;
    }

    private static Compiled compile(RubricSource source, HeaderReader.Header header, KnowledgeBuilder builder) {
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
        if (!problems.isEmpty()) {
            throw new RubricException(sorted(problems));
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());

        boolean scoreDeclared = kieBase.getKiePackages().stream()
                .anyMatch(p -> Scoring.class.getName().equals(p.getGlobalVariables().stream()
                        .filter(g -> g.getName().equals("score")).map(g -> g.getType()).findFirst().orElse(null)));
        if (!scoreDeclared) {
            problems.add(new RubricException.Problem(source.name(), 0,
                    "the rules must declare 'global " + Scoring.class.getName() + " score;' to report what they find"));
        }
        Map<String, Integer> ruleLines = ruleLines(source.text());
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        Map<String, FactType> declared = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                declared.put(type.getSimpleName(), type);
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
        return new Compiled(kieBase, Map.copyOf(rules), Map.copyOf(declared));
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

    private static Map<String, Integer> ruleLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = RULE_LINE.matcher(all[i]);
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                lines.putIfAbsent(name, i + 1);
            }
        }
        return lines;
    }

    private static String sourcePath(String name) {
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
