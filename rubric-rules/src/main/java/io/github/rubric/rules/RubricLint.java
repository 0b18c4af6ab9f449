package io.github.rubric.rules;

import io.github.rubric.model.Points;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Warnings a rubric author wants beyond the errors that stop a rubric from loading. A rubric with warnings
 * loads and scores; each warning points at something that is often, not always, a mistake:
 *
 * <ul>
 *   <li>an item whose criteria text names more deductions (扣N分, 不得分) than it has rules: a criterion may
 *   have no rule;</li>
 *   <li>a rule that can never take effect as written: it deducts more at a time than its item's points, or
 *   zero points; it awards a bonus without {@code @bonus} or deducts with it (it would fail when it fires);
 *   it reports nothing through {@code score};</li>
 *   <li>an item whose rules, each firing at most once, can together never deduct its maximum: the item can
 *   never reach 0, which is right only if the criteria say so;</li>
 *   <li>a fact type the rubric declares that no rule examines.</li>
 * </ul>
 *
 * <p>The checks read the rule text for {@code score.…} calls with literal points, and Drools' condition tree
 * for how often a rule can fire; a rule whose points are computed is left out of the sums.
 */
public final class RubricLint {
    private static final Pattern DEDUCTION_CLAUSE = Pattern.compile("扣\\s*[0-9]+(?:\\.[0-9]+)?\\s*分|不得分");
    private static final Pattern CALL = Pattern.compile("\\bscore\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern DECLARE = Pattern.compile("^\\s*declare\\s+(\\w+)");
    private static final Pattern LITERAL = Pattern.compile("\"([0-9]+(?:\\.[0-9]+)?)\"");
    private static final Pattern INTEGER = Pattern.compile("[0-9]+");
    private static final Set<String> DEDUCTING = Set.of("deduct", "deductEach", "shortfall", "progressive", "zero");

    private RubricLint() {
    }

    /**
     * One warning.
     *
     * @param source the rubric file
     * @param line the 1-based line, or 0 for the whole file
     * @param message what looks wrong, and why it matters
     */
    public record Warning(String source, int line, String message) {
        /** Validates the fields. */
        public Warning {
            Objects.requireNonNull(source, "source must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        @Override
        public String toString() {
            return source + (line > 0 ? ":" + line : "") + ": warning: " + message;
        }
    }

    /** What one {@code score.…} call in a rule's consequence deducts at most per firing; null when unbounded. */
    private record Call(String method, BigDecimal most) {
    }

    /**
     * @param rubric a loaded rubric
     * @return its warnings, in file order
     */
    public static List<Warning> check(Rubric rubric) {
        RubricSource source = rubric.source();
        RubricDefinition definition = rubric.definition();
        YamlLines lines = YamlLines.of(source.header(), source.headerOffset());
        String[] text = source.text().split("\n", -1);
        List<Warning> warnings = new ArrayList<>();

        Map<String, List<RuleInfo>> rulesByItem = new LinkedHashMap<>();
        Map<String, List<Call>> calls = new LinkedHashMap<>();
        for (RuleInfo rule : rubric.rules().values()) {
            if (rule.item() != null) {
                rulesByItem.computeIfAbsent(rule.item(), k -> new ArrayList<>()).add(rule);
            }
            calls.put(rule.name(), calls(body(text, rule.line())));
        }

        definition.items().forEach(item -> {
            int itemLine = lines.line(HeaderReader.itemPath(definition, item.id()));
            List<RuleInfo> rules = rulesByItem.getOrDefault(item.id(), List.of());
            criteria(source.name(), lines, definition, item, rules, warnings);
            for (RuleInfo rule : rules) {
                ruleAgainstItem(source.name(), item, rule, calls.get(rule.name()), warnings);
            }
            reachable(source.name(), itemLine, item, rules, calls, rubric.shapes(), warnings);
        });
        for (RuleInfo rule : rubric.rules().values()) {
            List<Call> made = calls.get(rule.name());
            if (made.isEmpty()) {
                warnings.add(new Warning(source.name(), rule.line(), "rule \"" + rule.name() + "\" makes no score.… call:"
                        + " it can never change a score or record a finding"));
            }
            for (Call call : made) {
                if (rule.bonus() && !call.method().equals("bonus")) {
                    warnings.add(new Warning(source.name(), rule.line(), "rule \"" + rule.name() + "\" is marked @bonus"
                            + " but calls score." + call.method() + ", which needs an @item: it fails whenever it fires"));
                } else if (!rule.bonus() && call.method().equals("bonus")) {
                    warnings.add(new Warning(source.name(), rule.line(), "rule \"" + rule.name() + "\" calls score.bonus"
                            + " but is not marked @bonus: it fails whenever it fires"));
                }
            }
        }
        unusedTypes(rubric, text, warnings);
        warnings.sort(Comparator.comparingInt(Warning::line));
        return warnings;
    }

    private static void criteria(String file, YamlLines lines, RubricDefinition definition, Item item,
                                 List<RuleInfo> rules, List<Warning> warnings) {
        if (item.criteria() == null) {
            return;
        }
        List<String> clauses = new ArrayList<>();
        Matcher m = DEDUCTION_CLAUSE.matcher(item.criteria());
        while (m.find()) {
            clauses.add(m.group().replaceAll("\\s", ""));
        }
        if (clauses.size() > rules.size()) {
            int line = lines.line(HeaderReader.itemPath(definition, item.id()) + ".criteria");
            warnings.add(new Warning(file, line, "item '" + item.id() + "' (" + item.title() + "): its criteria name "
                    + clauses.size() + " deductions (" + String.join("、", clauses) + ") but "
                    + (rules.isEmpty() ? "no rule scores it" : rules.size() == 1 ? "only 1 rule scores it"
                    : "only " + rules.size() + " rules score it") + "; a criterion may have no rule"));
        }
    }

    private static void ruleAgainstItem(String file, Item item, RuleInfo rule, List<Call> calls, List<Warning> warnings) {
        for (Call call : calls) {
            if (!DEDUCTING.contains(call.method()) || call.method().equals("zero") || call.most() == null) {
                continue;
            }
            if (call.most().signum() == 0) {
                warnings.add(new Warning(file, rule.line(), "rule \"" + rule.name() + "\" deducts 0 points: it can"
                        + " never change item '" + item.id() + "'s score"));
            } else if (call.method().equals("deduct") && call.most().compareTo(item.maxPoints()) > 0) {
                warnings.add(new Warning(file, rule.line(), "rule \"" + rule.name() + "\" deducts "
                        + Points.format(call.most()) + " at a time from item '" + item.id() + "' (" + item.title()
                        + "), which has only " + Points.format(item.maxPoints()) + " points: it can never take what it"
                        + " says"));
            }
        }
    }

    private static void reachable(String file, int line, Item item, List<RuleInfo> rules, Map<String, List<Call>> calls,
                                  Map<String, RuleShapes.Shape> shapes, List<Warning> warnings) {
        if (item.needsJudgement() || rules.isEmpty()) {
            return;
        }
        BigDecimal most = BigDecimal.ZERO;
        for (RuleInfo rule : rules) {
            RuleShapes.Shape shape = shapes.get(rule.name());
            if (shape == null || !shape.understood() || !shape.firesOnce()) {
                return;
            }
            for (Call call : calls.get(rule.name())) {
                if (call.method().equals("zero")) {
                    return;
                }
                if (DEDUCTING.contains(call.method())) {
                    if (call.most() == null) {
                        return;
                    }
                    most = most.add(call.most());
                }
            }
        }
        if (most.compareTo(item.maxPoints()) < 0) {
            warnings.add(new Warning(file, line, "item '" + item.id() + "' (" + item.title() + ", "
                    + Points.format(item.maxPoints()) + " points): its rules can deduct at most " + Points.format(most)
                    + " together, so it never scores below " + Points.format(item.maxPoints().subtract(most))
                    + "; right only if the criteria mean it"));
        }
    }

    private static void unusedTypes(Rubric rubric, String[] text, List<Warning> warnings) {
        Set<String> examined = new TreeSet<>();
        rubric.shapes().values().forEach(s -> s.types().forEach(t -> examined.add(t.getSimpleName())));
        // Rubric.declaredTypes() also lists the imported classes Drools registers for patterns; only the types
        // the file itself declares count here.
        Map<String, Integer> declared = new LinkedHashMap<>();
        for (int i = 0; i < text.length; i++) {
            Matcher m = DECLARE.matcher(text[i]);
            if (m.find()) {
                declared.putIfAbsent(m.group(1), i + 1);
            }
        }
        for (Map.Entry<String, Integer> type : declared.entrySet()) {
            if (!examined.contains(type.getKey()) && rubric.declaredTypes().contains(type.getKey())) {
                int line = type.getValue();
                warnings.add(new Warning(rubric.sourceName(), line, "declared type '" + type.getKey() + "' is examined by no"
                        + " rule: facts files may give it, but it changes no score"));
            }
        }
    }

    /** @return the rule's text from its {@code rule} line to its {@code end} line, comments removed */
    private static String body(String[] text, int line) {
        if (line <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = line - 1; i < text.length; i++) {
            out.append(stripComment(text[i])).append('\n');
            if (i > line - 1 && text[i].strip().equals("end")) {
                break;
            }
        }
        return out.toString();
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '/' && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<Call> calls(String body) {
        int then = body.indexOf("\nthen");
        String consequence = then < 0 ? body : body.substring(then);
        List<Call> calls = new ArrayList<>();
        Matcher m = CALL.matcher(consequence);
        while (m.find()) {
            String method = m.group(1);
            List<String> args = arguments(consequence, m.end());
            calls.add(new Call(method, most(method, args)));
        }
        return calls;
    }

    /** @return the most one call deducts, or null when it is unbounded or not written as literals */
    private static BigDecimal most(String method, List<String> args) {
        switch (method) {
            case "deduct":
                return args.isEmpty() ? null : literal(args.get(0));
            case "shortfall":
                if (args.size() < 3) {
                    return null;
                }
                BigDecimal each = literal(args.get(2));
                String required = args.get(0).strip();
                return each == null || !INTEGER.matcher(required).matches() ? null
                        : each.multiply(new BigDecimal(required));
            case "deductEach":
                // per occurrence, however many: unbounded, but a 0 per occurrence still deducts nothing
                BigDecimal per = args.size() < 2 ? null : literal(args.get(1));
                return per != null && per.signum() == 0 ? BigDecimal.ZERO : null;
            default:
                return null;
        }
    }

    private static BigDecimal literal(String arg) {
        Matcher m = LITERAL.matcher(arg.strip());
        return m.matches() ? new BigDecimal(m.group(1)) : null;
    }

    /** Splits a call's arguments at top-level commas, from just after its opening parenthesis. */
    private static List<String> arguments(String text, int start) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder arg = new StringBuilder();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                if (depth == 0) {
                    args.add(arg.toString());
                    return args.stream().filter(a -> !a.isBlank() || args.size() > 1).collect(Collectors.toList());
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                args.add(arg.toString());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        return args;
    }
}
