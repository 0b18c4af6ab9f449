package io.github.rubric.rules;

import java.util.ArrayList;
import java.util.List;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.NotNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.TerminalNode;
import org.kie.api.KieBase;

/**
 * The rules of a rubric that are evaluated only when they can fire (see {@link RuleGate}): which they are, the rule
 * text with their gates, and, once compiled, the node whose facts decide each.
 */
final class Gates {
    /** How a gated rule's facts decide whether it can fire. */
    enum Kind {
        /** {@code not X( … )}: only when no fact reached it. */
        NOT,
        /**
         * {@code List( !isEmpty ) from collect( X( … ) )}, or {@code List( size < 4 )} and the like: only when the
         * number of facts that reached it passes the list's test, since the list holds exactly those facts.
         */
        COLLECT
    }

    /**
     * The test of a collected list's size: {@code size < 4}, or {@code !isEmpty} as {@code size > 0}.
     *
     * @param operator one of {@code < <= > >= == !=}
     * @param bound the number the size is compared with
     */
    record SizeTest(String operator, int bound) {
        static final SizeTest NOT_EMPTY = new SizeTest(">", 0);
        static final List<String> OPERATORS = List.of("<", "<=", ">", ">=", "==", "!=");

        boolean passes(int size) {
            return switch (operator) {
                case "<" -> size < bound;
                case "<=" -> size <= bound;
                case ">" -> size > bound;
                case ">=" -> size >= bound;
                case "==" -> size == bound;
                default -> size != bound;
            };
        }
    }

    /**
     * A gated rule as found in the text.
     *
     * @param size the test of the collected list's size, for a {@link Kind#COLLECT}; null for a {@link Kind#NOT}
     */
    record Planned(String rule, Kind kind, SizeTest size) {
    }

    /**
     * A gated rule once compiled.
     *
     * @param gate the fact that lets it be evaluated
     * @param kind how its facts decide
     * @param input the node beyond the alpha network that its facts reach (the right input of its {@code not} or
     *     {@code collect}); null when the compiled rule is not of the expected shape, and the gate always goes in
     */
    record Gate(RuleGate gate, Kind kind, SizeTest size, ObjectSink input) {
        /** @return whether the rule can fire, given how many of the evaluation's facts reached its input */
        boolean open(int reached) {
            return input == null || (kind == Kind.NOT ? reached == 0 : size.passes(reached));
        }
    }

    /** The rubric's rules with gates written in, and the gated rules in gate order. */
    record Plan(String text, List<Planned> gated) {
        static final Plan NONE = new Plan(null, List.of());
    }

    /**
     * The entry point gates go in by, apart from the subject's facts: a rule on {@code Object()} or {@code Record()}
     * sees no gate.
     */
    static final String ENTRY_POINT = "rubric-gates";
    /** Rule attributes whose order of evaluation a gate, which links its rule last, could change. */
    private static final List<String> ORDERED = List.of("auto-focus", "agenda-group", "activation-group",
            "ruleflow-group");

    private Gates() {
    }

    /**
     * Finds the rules to gate and writes their gate at the start of their condition, on the line of {@code when}, so
     * that no line of the file moves.
     *
     * @param text the rule file
     * @return the plan; {@link Plan#NONE} when no rule is gated or the text is not read with certainty
     */
    static Plan plan(String text) {
        if (ORDERED.stream().anyMatch(text::contains)) {
            // such rules are evaluated in the order they were linked, which a gate changes
            return Plan.NONE;
        }
        List<DrlTokens.Token> tokens = DrlTokens.of(text, 1).tokens();
        if (tokens.stream().anyMatch(t -> t.kind() == DrlTokens.Kind.NAME
                && (t.text().equals("insert") || RubricCompiler.FACT_LOOKUPS.contains(t.text())))) {
            // a consequence may add or change facts after they went in: a rule closed for what went in might fire
            return Plan.NONE;
        }
        List<Planned> gated = new ArrayList<>();
        List<Integer> whenLines = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!tokens.get(i).is("rule") || tokens.get(i + 1).kind() != DrlTokens.Kind.STRING) {
                continue;
            }
            String name = tokens.get(i + 1).text();
            int when = i + 2;
            while (when < tokens.size() && !tokens.get(when).is("when")) {
                if (tokens.get(when).is("rule") || tokens.get(when).is("then")) {
                    return Plan.NONE; // not the shape of rule this reader expects
                }
                when++;
            }
            int then = when + 1;
            while (then < tokens.size() && !tokens.get(then).is("then")) {
                then++;
            }
            if (then >= tokens.size()) {
                return Plan.NONE;
            }
            Planned planned = planned(name, tokens.subList(when + 1, then));
            if (planned != null) {
                gated.add(planned);
                whenLines.add(tokens.get(when).line());
            }
            i = then;
        }
        if (gated.isEmpty()) {
            return Plan.NONE;
        }
        String[] lines = text.split("\n", -1);
        for (int g = 0; g < gated.size(); g++) {
            int index = whenLines.get(g) - 1;
            String line = lines[index];
            int at = line.indexOf("when");
            if (at < 0 || !line.substring(0, at).isBlank()) {
                return Plan.NONE;
            }
            lines[index] = line.substring(0, at + 4) + " " + RuleGate.class.getName() + "( rule == " + g
                    + " ) from entry-point \"" + ENTRY_POINT + "\"" + line.substring(at + 4);
        }
        return new Plan(String.join("\n", lines), List.copyOf(gated));
    }

    /** @return the rule gated, or null for any other condition */
    private static Planned planned(String rule, List<DrlTokens.Token> lhs) {
        if (lhs.size() >= 4 && lhs.get(0).is("not") && onePattern(lhs.subList(1, lhs.size()))) {
            return new Planned(rule, Kind.NOT, null);
        }
        // [$x :] List( !isEmpty | size OP n ) from collect( X( … ) ), its only binding the list's
        int at = lhs.size() >= 2 && lhs.get(0).kind() == DrlTokens.Kind.NAME && lhs.get(0).text().startsWith("$")
                && lhs.get(1).is(":") ? 2 : 0;
        if (lhs.size() < at + 2 || !lhs.get(at).is("List") || !lhs.get(at + 1).is("(")) {
            return null;
        }
        SizeTest size;
        int close;
        if (lhs.size() > at + 4 && lhs.get(at + 2).is("!") && lhs.get(at + 3).is("isEmpty")) {
            size = SizeTest.NOT_EMPTY;
            close = at + 4;
        } else if (lhs.size() > at + 5 && lhs.get(at + 2).is("size")
                && lhs.get(at + 3).kind() == DrlTokens.Kind.SYMBOL && SizeTest.OPERATORS.contains(lhs.get(at + 3).text())
                && lhs.get(at + 4).kind() == DrlTokens.Kind.NUMBER && lhs.get(at + 4).text().matches("\\d{1,9}")) {
            size = new SizeTest(lhs.get(at + 3).text(), Integer.parseInt(lhs.get(at + 4).text()));
            close = at + 5;
        } else {
            return null;
        }
        if (lhs.size() >= close + 6 && lhs.get(close).is(")") && lhs.get(close + 1).is("from")
                && lhs.get(close + 2).is("collect") && lhs.get(close + 3).is("(") && lhs.get(lhs.size() - 1).is(")")
                && onePattern(lhs.subList(close + 4, lhs.size() - 1))) {
            return new Planned(rule, Kind.COLLECT, size);
        }
        return null;
    }

    /**
     * @return whether the tokens are one pattern {@code Type( … )} without bindings, {@code from} or nesting (an
     *     {@code eval(…)}, {@code forall(…)} or query call passes too; {@link #locate} then finds no node fed by
     *     the alpha network, and the rule's gate is always open)
     */
    private static boolean onePattern(List<DrlTokens.Token> tokens) {
        if (tokens.size() < 3 || tokens.get(0).kind() != DrlTokens.Kind.NAME || !tokens.get(1).is("(")
                || !tokens.get(tokens.size() - 1).is(")")) {
            return false;
        }
        int depth = 0;
        for (int k = 1; k < tokens.size(); k++) {
            DrlTokens.Token t = tokens.get(k);
            if (t.is("from") || t.is("collect") || t.is("accumulate") || t.is("not") || t.is("exists")
                    || t.text().startsWith("$")) {
                return false;
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
                if (depth == 0 && k != tokens.size() - 1) {
                    return false; // a second pattern after the first
                }
            }
        }
        return depth == 0;
    }

    /**
     * @param kieBase the compiled rules, with the planned gates
     * @param plan what was gated
     * @return each gated rule's gate, in gate order
     */
    static List<Gate> locate(KieBase kieBase, Plan plan) {
        List<Gate> gates = new ArrayList<>();
        for (int g = 0; g < plan.gated().size(); g++) {
            Planned planned = plan.gated().get(g);
            gates.add(new Gate(new RuleGate(g), planned.kind(), planned.size(), input(kieBase, planned)));
        }
        return List.copyOf(gates);
    }

    /** @return the right input of the gated rule's {@code not} or accumulate, right after its gate; else null */
    private static ObjectSink input(KieBase kieBase, Planned planned) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return null;
        }
        TerminalNode[] terminals = null;
        for (var pkg : kieBase.getKiePackages()) {
            if (pkg.getRules().stream().anyMatch(r -> r.getName().equals(planned.rule()))) {
                terminals = base.getReteooBuilder().getTerminalNodes(pkg.getName() + "." + planned.rule());
            }
        }
        if (terminals == null || terminals.length != 1) {
            return null;
        }
        LeftTupleSource above = terminals[0].getLeftTupleSource();
        boolean shaped = planned.kind() == Kind.NOT ? above instanceof NotNode : above instanceof AccumulateNode;
        if (!shaped || !(above.getLeftTupleSource() instanceof LeftInputAdapterNode)) {
            return null;
        }
        ObjectSink input = ((BetaNode) above).getRightInput();
        // fed by facts through the alpha network, which the filter walks (not by a subnetwork: eval, forall, query)
        ObjectSource feed = ((BetaNode) above).getRightInput().getParent();
        return feed instanceof AlphaNode || feed instanceof ObjectTypeNode ? input : null;
    }
}
