package io.github.rubric.rules;

import io.github.rubric.model.fact.Fact;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.accessor.DataProvider;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.ExistsNode;
import org.drools.core.reteoo.FromNode;
import org.drools.core.reteoo.JoinNode;
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
        COLLECT,
        /**
         * {@code $p : P()}, {@code $x : T() from $p.list()}, {@code not X( …, key == $x )}: a {@code not} for each
         * element of a list a fact gives, as each month of the period; only when some element is the key of no fact
         * that reached the {@code not} (see {@link Each}).
         */
        EACH,
        /** {@code exists X( … )} then {@code not Y( … )}: only when some fact reached the first and none the second. */
        EXISTS_NOT
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
            // by the operator's characters, not a switch on the text, which hashes it on every evaluation
            boolean orEqual = operator.length() == 2 && operator.charAt(1) == '=';
            return switch (operator.charAt(0)) {
                case '<' -> orEqual ? size <= bound : size < bound;
                case '>' -> orEqual ? size >= bound : size > bound;
                case '=' -> size == bound;
                default -> size != bound;
            };
        }
    }

    /**
     * A gated rule as found in the text.
     *
     * @param size the test of the collected list's size, for a {@link Kind#COLLECT}; else null
     * @param each the names in an {@link Kind#EACH}; else null
     */
    record Planned(String rule, Kind kind, SizeTest size, EachText each) {
        Planned(String rule, Kind kind, SizeTest size) {
            this(rule, kind, size, null);
        }
    }

    /**
     * The names in an {@link Kind#EACH} rule: {@code $source : P()}, {@code $element : T() from $source.method()}.
     *
     * @param source the source's variable; null when the list is constants ({@code from [ A.B, A.C ]})
     * @param method the source's method; null for constants
     * @param element the element's variable
     * @param collect whether the rule ends with {@code $l : List() from collect( … )}
     * @param constants each constant as written: {@code Type.NAME}, a longer qualified name, or null for a literal;
     *     null when the list is a source's method
     */
    record EachText(String source, String method, String element, boolean collect, List<String> constants) {
    }

    /**
     * A gated rule once compiled.
     *
     * @param gate the fact that lets it be evaluated
     * @param kind how its facts decide
     * @param size the test of a {@link Kind#COLLECT}'s list; else null
     * @param input the node beyond the alpha network that its facts reach (the right input of its {@code not} or
     *     {@code collect}); null when the compiled rule is not of the expected shape, and the gate always goes in
     * @param sources a second such node: an {@link Kind#EACH}'s join with its source's pattern, an
     *     {@link Kind#EXISTS_NOT}'s {@code exists}; else null
     * @param each for an {@link Kind#EACH} of the expected shape, how its facts decide; else null
     */
    record Gate(RuleGate gate, Kind kind, SizeTest size, ObjectSink input, ObjectSink sources, Each each) {
        /**
         * @param reached how many of the evaluation's facts reached the input
         * @param sourcesReached how many reached the second node
         * @return whether a rule other than an {@link Kind#EACH} can fire (an EACH is decided by its facts, see
         *     {@link Each})
         */
        boolean open(int reached, int sourcesReached) {
            return input == null || switch (kind) {
                case NOT -> reached == 0;
                case COLLECT -> size.passes(reached);
                case EXISTS_NOT -> sourcesReached > 0 && reached == 0;
                case EACH -> throw new IllegalStateException("an EACH rule is decided by its facts' keys");
            };
        }
    }

    /**
     * How the facts of an {@link Kind#EACH} rule decide it: the facts that reached the source's pattern give the
     * elements (the list the rule's method returns, read as {@code from} reads it, or the constants), the facts
     * that reached the {@code not} give the keys, and the rule can fire when some element is no fact's key. An element
     * is a key when it equals one of the same class: that is when Drools' {@code ==} holds too, whether the {@code not}
     * looks its facts up by an index (the element taken as the key's type, then {@code equals}) or tests each
     * ({@code ==} of MVEL). Whatever cannot be told with certainty opens the gate, for Drools to decide: a source that
     * is not one of the library's own immutable facts (whose method might give another list when Drools calls it
     * again), a result that is not an {@link Iterable}, a method, key or list that cannot be read or throws, a number that is not
     * an integer ({@code 1.0 == 1.00}, NaN), and an element equal to no key but of another class than some key
     * ({@code 1 == 1L}).
     */
    static final class Each {
        /** A key that cannot be compared with certainty. */
        static final Object UNSURE = new Object();

        private final String method;
        /** For a list of constants, what gives them; null for a source's method. */
        private final DataProvider constants;
        /**
         * For a list of constants, each as written (see {@link EachText#constants}), when each is a literal or names an
         * enum constant; else null, and the list is read at every evaluation.
         */
        private final List<String> constantTexts;
        /**
         * The constants once read, when each is the literal or the enum constant its text names, which no
         * evaluation can change (a static field's value could); null until then, or for good.
         */
        private volatile List<Object> constantValues;
        private final Class<?> elementType;
        private final ReadAccessor key;
        /** The method, by the class of the fact it is called on; empty when it cannot be called. */
        private final ClassValue<Optional<Method>> methods = new ClassValue<>() {
            @Override
            protected Optional<Method> computeValue(Class<?> type) {
                return find(type);
            }
        };

        /**
         * @param method the source's method; null for constants
         * @param constants what gives the constants; null for a source's method
         * @param constantTexts the constants as written, when each is a literal or names an enum constant; else null
         * @param elementType the type of the elements' pattern: others are skipped, as {@code from} skips them
         * @param key what reads the key of a fact that reached the {@code not}
         */
        Each(String method, DataProvider constants, List<String> constantTexts, Class<?> elementType,
             ReadAccessor key) {
            this.method = method;
            this.constants = constants;
            this.constantTexts = constantTexts;
            this.elementType = elementType;
            this.key = key;
        }

        /**
         * @param fact a fact that reached the rule's {@code not}
         * @param resolver the session, as Drools' readers take it
         * @return its key, null for none, or {@link #UNSURE}
         */
        Object keyOf(Object fact, ValueResolver resolver) {
            try {
                return comparable(key.getValue(resolver, fact));
            } catch (RuntimeException e) {
                return UNSURE; // Drools will read it again, and fail as it does
            }
        }

        /**
         * @param source a fact that reached the source's pattern
         * @param keys the keys of the facts that reached the {@code not}, as {@link #keyOf} gives them
         * @return whether the rule can fire for some element of the source's list: one that is no fact's key, or
         *     one that cannot be compared, or the list could not be read (a source that is not one of the library's
         *     facts, a method that is not there or throws, a result that is not an {@link Iterable})
         */
        boolean uncovered(Object source, Keys keys) {
            Optional<Method> call = methods.get(source.getClass());
            if (call.isEmpty()) {
                return true;
            }
            Object list;
            try {
                list = call.get().invoke(source);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return true;
            }
            // a list, as the library's facts give them; anything else Drools' `from` takes (null, an array, an
            // iterator, one object) is left to Drools
            return !(list instanceof Iterable<?> iterable) || uncovered(iterable.iterator(), keys);
        }

        /**
         * @param keys the keys of the facts that reached the {@code not}, as {@link #keyOf} gives them
         * @param resolver the session, as Drools' data providers take it
         * @return whether the rule can fire for some constant of its list
         */
        boolean uncoveredConstants(Keys keys, ValueResolver resolver) {
            List<Object> values = constantValues;
            if (values != null) {
                return uncovered(values.iterator(), keys);
            }
            List<Object> read = new ArrayList<>();
            try {
                constants.getResults(null, resolver, constants.createContext()).forEachRemaining(read::add);
            } catch (RuntimeException e) {
                return true; // Drools will evaluate the list again, and fail as it does
            }
            if (unchanging(read)) {
                constantValues = Collections.unmodifiableList(read);
            }
            return uncovered(read.iterator(), keys);
        }

        /** @return whether each value read is the literal, or the enum constant, that its text names */
        private boolean unchanging(List<Object> read) {
            if (constantTexts == null || read.size() != constantTexts.size()) {
                return false;
            }
            for (int i = 0; i < read.size(); i++) {
                String text = constantTexts.get(i);
                Object value = read.get(i);
                boolean same = text == null
                        ? value instanceof String || value instanceof Number || value instanceof Boolean
                        : value instanceof Enum<?> constant && text.endsWith("." + constant.name());
                if (!same) {
                    return false;
                }
            }
            return true;
        }

        private boolean uncovered(Iterator<?> elements, Keys keys) {
            while (elements.hasNext()) {
                Object element = elements.next();
                if (element != null && elementType.isAssignableFrom(element.getClass())) {
                    Object compared = comparable(element);
                    if (compared == UNSURE || !keys.contains(compared)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * @return the method, when the source is one of the library's own facts: immutable values, whose methods give
         *     the same list each time they are called (a rubric's declared records may hold lists rules change)
         */
        private Optional<Method> find(Class<?> type) {
            if (type.getClassLoader() != Fact.class.getClassLoader()
                    || !type.getPackageName().startsWith(Fact.class.getPackageName())) {
                return Optional.empty();
            }
            try {
                Method found = type.getMethod(method);
                return Modifier.isPublic(found.getDeclaringClass().getModifiers()) ? Optional.of(found)
                        : Optional.empty();
            } catch (NoSuchMethodException | SecurityException e) {
                return Optional.empty();
            }
        }

        /**
         * @return the value, compared by {@code equals} with values of its class; {@link #UNSURE} for a number that is
         *     not an integer ({@code 1.0 == 1.00}, NaN)
         */
        private static Object comparable(Object value) {
            if (value instanceof Number && !(value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte)) {
                return UNSURE;
            }
            return value;
        }
    }

    /**
     * The keys of the facts that reached an {@link Kind#EACH} rule's {@code not}, by equality: an open-addressing set
     * kept by one evaluation and emptied for the next. Not {@code HashSet}: the months of one year, the commonest
     * keys, share their {@code YearMonth.hashCode()}'s low bits and fell into one bucket of a {@code HashMap}.
     */
    static final class Keys {
        private Object[] slots = new Object[32];
        private int size;

        void add(Object key) {
            if (key == null) {
                return;
            }
            if (2 * (size + 1) > slots.length) {
                Object[] old = slots;
                slots = new Object[old.length * 2];
                size = 0;
                for (Object o : old) {
                    if (o != null) {
                        add(o);
                    }
                }
            }
            int mask = slots.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (slots[i] == null) {
                    slots[i] = key;
                    size++;
                    return;
                }
                if (slots[i].equals(key)) {
                    return;
                }
            }
        }

        boolean contains(Object key) {
            int mask = slots.length - 1;
            for (int i = slot(key, mask); slots[i] != null; i = (i + 1) & mask) {
                if (slots[i].equals(key)) {
                    return true;
                }
            }
            return false;
        }

        void clear() {
            if (size > 0) {
                Arrays.fill(slots, null);
                size = 0;
            }
        }

        /** The top bits of the hash times the golden ratio: they depend on every bit of the hash. */
        private static int slot(Object key, int mask) {
            return (key.hashCode() * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
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
        return plan(text, DrlTokens.of(text, 1).tokens());
    }

    /**
     * @param text the rule file
     * @param tokens its tokens, from line 1
     */
    static Plan plan(String text, List<DrlTokens.Token> tokens) {
        if (ORDERED.stream().anyMatch(text::contains)) {
            // such rules are evaluated in the order they were linked, which a gate changes
            return Plan.NONE;
        }
        if (tokens.stream().anyMatch(t -> t.kind() == DrlTokens.Kind.NAME
                && (t.text().equals("insert") || RubricCompiler.FACT_LOOKUPS.contains(t.text())))) {
            // a consequence may add or change facts after they went in: a rule closed for what went in might fire
            return Plan.NONE;
        }
        // the globals' names: a constant list that names one is not constant
        Set<String> globals = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("global")) {
                globals.add(globalName(tokens, i + 1));
            }
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
            Planned planned = planned(name, tokens.subList(when + 1, then), globals);
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
    private static Planned planned(String rule, List<DrlTokens.Token> lhs, Set<String> globals) {
        if (lhs.size() >= 4 && lhs.get(0).is("not") && onePattern(lhs.subList(1, lhs.size()))) {
            return new Planned(rule, Kind.NOT, null);
        }
        if (lhs.size() >= 8 && lhs.get(0).is("exists")) {
            int end = closing(lhs, 2);
            if (end > 0 && end + 4 < lhs.size() && lhs.get(end + 1).is("not")
                    && onePattern(lhs.subList(1, end + 1)) && onePattern(lhs.subList(end + 2, lhs.size()))) {
                return new Planned(rule, Kind.EXISTS_NOT, null);
            }
        }
        EachText each = each(lhs, globals);
        if (each != null) {
            return new Planned(rule, Kind.EACH, null, each);
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
     * @param globals the names of the file's globals
     * @return the names of {@code [$p : P()] $x : T() from $p.method() | [ constants ] not X( …, key == $x )
     *     [$l : List() from collect( Y( … ) )]}, where the {@code not} names no other variable and the collect none but
     *     {@code $x}; null for anything else
     */
    private static EachText each(List<DrlTokens.Token> lhs, Set<String> globals) {
        int at = 0;
        String source = null;
        if (lhs.size() > 6 && variable(lhs.get(0)) && lhs.get(1).is(":") && name(lhs.get(2)) && lhs.get(3).is("(")
                && lhs.get(4).is(")") && variable(lhs.get(5))) {
            source = lhs.get(0).text();
            at = 5;
        }
        // $x : T ( ) from
        if (lhs.size() < at + 7 || !variable(lhs.get(at)) || !lhs.get(at + 1).is(":") || !name(lhs.get(at + 2))
                || !lhs.get(at + 3).is("(") || !lhs.get(at + 4).is(")") || !lhs.get(at + 5).is("from")) {
            return null;
        }
        String element = lhs.get(at).text();
        int k = at + 6;
        String method = null;
        List<String> constants = null;
        if (source != null) {
            // $p . method ( )
            if (lhs.size() < k + 5 || !lhs.get(k).text().equals(source) || !lhs.get(k + 1).is(".")
                    || !name(lhs.get(k + 2)) || !lhs.get(k + 3).is("(") || !lhs.get(k + 4).is(")")) {
                return null;
            }
            method = lhs.get(k + 2).text();
            k += 5;
        } else {
            // [ constants ]: literals and qualified names (Type.CONSTANT), no call, no variable, no global
            if (!lhs.get(k).is("[")) {
                return null;
            }
            constants = new ArrayList<>();
            StringBuilder written = new StringBuilder();
            boolean literal = false;
            for (k++; k < lhs.size() && !lhs.get(k).is("]"); k++) {
                DrlTokens.Token t = lhs.get(k);
                if (t.is(",")) {
                    if (!constant(written, literal)) {
                        return null;
                    }
                    constants.add(literal ? null : written.toString());
                    written.setLength(0);
                    literal = false;
                } else if ((t.kind() == DrlTokens.Kind.STRING || t.kind() == DrlTokens.Kind.NUMBER)
                        && written.isEmpty() && !literal) {
                    literal = true;
                } else if (!literal && (name(t) && !t.is("new") && !(written.isEmpty() && globals.contains(t.text()))
                        || t.is("."))) {
                    written.append(t.text());
                } else {
                    return null;
                }
            }
            if (k >= lhs.size() || !constant(written, literal)) {
                return null;
            }
            constants.add(literal ? null : written.toString());
            k++;
        }
        // not X ( … )
        if (k + 3 >= lhs.size() || !lhs.get(k).is("not") || !lhs.get(k + 2).is("(")) {
            return null;
        }
        int end = closing(lhs, k + 2);
        if (end < 0) {
            return null;
        }
        List<DrlTokens.Token> pattern = lhs.subList(k + 1, end + 1);
        int uses = 0;
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i).text().startsWith("$")) {
                // the element, compared by == and nothing else: the one test that joins the not to the list
                if (i == 0 || i + 1 == pattern.size() || !pattern.get(i).text().equals(element)
                        || !pattern.get(i - 1).is("==") || !(pattern.get(i + 1).is(",") || pattern.get(i + 1).is(")"))) {
                    return null;
                }
                uses++;
            }
        }
        if (uses != 1 || !onePattern(masked(pattern, element))) {
            return null;
        }
        // [$l : List ( ) from collect ( Y ( … ) )]: a list for every element the not lets through
        int rest = end + 1;
        boolean collect = rest < lhs.size();
        if (collect && !(lhs.size() >= rest + 12 && variable(lhs.get(rest)) && lhs.get(rest + 1).is(":")
                && lhs.get(rest + 2).is("List") && lhs.get(rest + 3).is("(") && lhs.get(rest + 4).is(")")
                && lhs.get(rest + 5).is("from") && lhs.get(rest + 6).is("collect") && lhs.get(rest + 7).is("(")
                && lhs.get(lhs.size() - 1).is(")")
                && lhs.subList(rest + 8, lhs.size() - 1).stream()
                        .noneMatch(t -> t.text().startsWith("$") && !t.text().equals(element))
                && onePattern(masked(lhs.subList(rest + 8, lhs.size() - 1), element)))) {
            return null;
        }
        return new EachText(source, method, element, collect,
                constants == null ? null : Collections.unmodifiableList(constants));
    }

    /**
     * @param at the token after {@code global}
     * @return the name a {@code global Type name} declares (after a qualified type, its type arguments, {@code []}s)
     */
    private static String globalName(List<DrlTokens.Token> tokens, int at) {
        int k = at + 1;
        while (k + 1 < tokens.size() && tokens.get(k).is(".")) {
            k += 2;
        }
        for (int depth = 0; k < tokens.size(); k++) {
            DrlTokens.Token t = tokens.get(k);
            depth += t.is("<") ? 1 : t.is(">") ? -1 : t.is(">>") ? -2 : 0;
            if (depth <= 0 && !t.is(">") && !t.is(">>") && !t.is("[") && !t.is("]")) {
                break;
            }
        }
        return k < tokens.size() ? tokens.get(k).text() : "";
    }

    /** @return whether one constant of a list was read whole: a literal, or a name qualified at least once */
    private static boolean constant(StringBuilder written, boolean literal) {
        return literal || written.toString().matches("[^.]+(\\.[^.]+)+");
    }

    /** @return the index of the parenthesis that closes the one at {@code open}, or -1 */
    private static int closing(List<DrlTokens.Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).is("(") ? 1 : tokens.get(i).is(")") ? -1 : 0;
            if (depth == 0) {
                return tokens.get(open).is("(") ? i : -1;
            }
        }
        return -1;
    }

    /** @return the tokens with a variable's uses as a number, for {@link #onePattern}, which takes no variable */
    private static List<DrlTokens.Token> masked(List<DrlTokens.Token> tokens, String variable) {
        List<DrlTokens.Token> masked = new ArrayList<>(tokens);
        masked.replaceAll(t -> t.text().equals(variable) ? new DrlTokens.Token(DrlTokens.Kind.NUMBER, "0", t.line()) : t);
        return masked;
    }

    private static boolean variable(DrlTokens.Token token) {
        return token.kind() == DrlTokens.Kind.NAME && token.text().startsWith("$") && token.text().length() > 1;
    }

    private static boolean name(DrlTokens.Token token) {
        return token.kind() == DrlTokens.Kind.NAME && !token.text().startsWith("$");
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
            Gate gate = new Gate(new RuleGate(g), planned.kind(), planned.size(), null, null, null);
            TerminalNode terminal = terminal(kieBase, planned);
            if (terminal != null) {
                gate = switch (planned.kind()) {
                    case EACH -> each(gate, terminal, planned.each(), kieBase);
                    case EXISTS_NOT -> existsNot(gate, terminal);
                    default -> new Gate(gate.gate(), gate.kind(), gate.size(), input(terminal, planned), null, null);
                };
            }
            gates.add(gate);
        }
        return List.copyOf(gates);
    }

    /** @return the gated rule's one terminal node, or null */
    private static TerminalNode terminal(KieBase kieBase, Planned planned) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return null;
        }
        TerminalNode[] terminals = null;
        for (var pkg : kieBase.getKiePackages()) {
            if (pkg.getRules().stream().anyMatch(r -> r.getName().equals(planned.rule()))) {
                terminals = base.getReteooBuilder().getTerminalNodes(pkg.getName() + "." + planned.rule());
            }
        }
        return terminals == null || terminals.length != 1 ? null : terminals[0];
    }

    /** @return the right input of the gated rule's {@code not} or accumulate, right after its gate; else null */
    private static ObjectSink input(TerminalNode terminal, Planned planned) {
        LeftTupleSource above = terminal.getLeftTupleSource();
        boolean shaped = planned.kind() == Kind.NOT ? above instanceof NotNode : above instanceof AccumulateNode;
        if (!shaped || !(above.getLeftTupleSource() instanceof LeftInputAdapterNode)) {
            return null;
        }
        return fedByFacts((BetaNode) above);
    }

    /**
     * @return the right input of a node, when facts reach it through the alpha network, which the filter walks (not
     *     a subnetwork: eval, forall, query); else null
     */
    private static ObjectSink fedByFacts(BetaNode node) {
        ObjectSource feed = node.getRightInput().getParent();
        return feed instanceof AlphaNode || feed instanceof ObjectTypeNode ? node.getRightInput() : null;
    }

    /**
     * Reads an {@link Kind#EACH} rule as compiled: after the gate, a join with the source's pattern (no test) and a
     * {@code from} of the source's method, or a {@code from} of constants; the {@code from} without a test; a
     * {@code not} whose one test is {@code key == $element}; and the collect, if written, with no test on its list.
     *
     * @return the gate with its inputs, or the gate unchanged (always open) when the rule is not of that shape
     */
    private static Gate each(Gate gate, TerminalNode terminal, EachText text, KieBase kieBase) {
        LeftTupleSource above = terminal.getLeftTupleSource();
        if (text.collect()) {
            if (!(above instanceof AccumulateNode collect) || collect.getResultConstraints().length != 0
                    || collect.getResultBinder().getConstraints().length != 0) {
                return gate;
            }
            above = collect.getLeftTupleSource();
        }
        if (!(above instanceof NotNode not)
                || !(not.getLeftTupleSource() instanceof FromNode<?> from)
                || from.getAlphaConstraints().length != 0 || from.getBetaConstraints().getConstraints().length != 0
                || not.getConstraints().length != 1
                || !(not.getConstraints()[0] instanceof IndexableConstraint key)
                || key.getConstraintType() != ConstraintTypeOperator.EQUAL || key.isUnification()
                || key.getFieldExtractor() == null || key.getRequiredDeclarations().length != 1
                || !key.getRequiredDeclarations()[0].getIdentifier().equals(text.element())) {
            return gate;
        }
        ObjectSink keyed = fedByFacts(not);
        Declaration[] used = from.getDataProvider().getRequiredDeclarations();
        if (keyed == null) {
            return gate;
        }
        if (text.source() == null) {
            return from.getLeftTupleSource() instanceof LeftInputAdapterNode && used.length == 0
                    ? new Gate(gate.gate(), Kind.EACH, null, keyed, null, new Each(null, from.getDataProvider(),
                            enumConstants(text.constants(), terminal, kieBase) ? text.constants() : null,
                            from.getResultClass(), key.getFieldExtractor()))
                    : gate;
        }
        if (!(from.getLeftTupleSource() instanceof JoinNode join)
                || !(join.getLeftTupleSource() instanceof LeftInputAdapterNode) || join.getConstraints().length != 0
                || used.length != 1 || !used[0].getIdentifier().equals(text.source())) {
            return gate;
        }
        ObjectSink sources = fedByFacts(join);
        return sources == null ? gate : new Gate(gate.gate(), Kind.EACH, null, keyed, sources,
                new Each(text.method(), null, null, from.getResultClass(), key.getFieldExtractor()));
    }

    /**
     * @return whether each constant written as a name names an enum constant, its type found through the package's
     *     imports: such a value, unlike a static field's, cannot change between evaluations
     */
    private static boolean enumConstants(List<String> constants, TerminalNode terminal, KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return false;
        }
        InternalKnowledgePackage pkg = base.getPackage(terminal.getRule().getPackageName());
        if (pkg == null) {
            return false;
        }
        for (String constant : constants) {
            if (constant == null) {
                continue; // a literal
            }
            int dot = constant.lastIndexOf('.');
            Class<?> type = typeNamed(constant.substring(0, dot), pkg, base.getRootClassLoader());
            try {
                if (type == null || !type.getField(constant.substring(dot + 1)).isEnumConstant()) {
                    return false;
                }
            } catch (NoSuchFieldException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the class a type name in a rule names: a qualified name as written; a simple name through an import of
     *     it, else the one class among the wildcard imports, the package and {@code java.lang}; null when not found
     *     or not certain
     */
    private static Class<?> typeNamed(String name, InternalKnowledgePackage pkg, ClassLoader loader) {
        if (name.contains(".")) {
            return load(name, loader);
        }
        List<String> candidates = new ArrayList<>();
        for (String imported : pkg.getImports().keySet()) {
            if (imported.endsWith("." + name)) {
                return load(imported, loader);
            }
            if (imported.endsWith(".*")) {
                candidates.add(imported.substring(0, imported.length() - 1) + name);
            }
        }
        candidates.add(pkg.getName() + "." + name);
        candidates.add("java.lang." + name);
        Class<?> found = null;
        for (String candidate : candidates) {
            Class<?> type = load(candidate, loader);
            if (type != null && found != null && type != found) {
                return null;
            }
            found = type == null ? found : type;
        }
        return found;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /**
     * Reads an {@link Kind#EXISTS_NOT} rule as compiled: after the gate, an {@code exists} and a {@code not}, each
     * without a test beyond its facts' own.
     *
     * @return the gate with its inputs, or the gate unchanged (always open) when the rule is not of that shape
     */
    private static Gate existsNot(Gate gate, TerminalNode terminal) {
        if (!(terminal.getLeftTupleSource() instanceof NotNode not) || not.getConstraints().length != 0
                || !(not.getLeftTupleSource() instanceof ExistsNode exists) || exists.getConstraints().length != 0
                || !(exists.getLeftTupleSource() instanceof LeftInputAdapterNode)) {
            return gate;
        }
        ObjectSink input = fedByFacts(not);
        ObjectSink sources = fedByFacts(exists);
        return input == null || sources == null ? gate
                : new Gate(gate.gate(), Kind.EXISTS_NOT, null, input, sources, null);
    }
}
