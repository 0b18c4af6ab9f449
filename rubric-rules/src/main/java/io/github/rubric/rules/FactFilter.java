package io.github.rubric.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.drools.base.base.ValueResolver;
import org.drools.base.common.NetworkNode;
import org.drools.base.common.RuleBasePartitionId;
import org.drools.base.reteoo.BaseTerminalNode;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.WorkingMemoryEntryPoint;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.common.PropagationContext;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ModifyPreviousTuples;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeConf;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Which facts can reach a rule, and the way into the rule network for those that can. Most of a subject's facts
 * are matched by no rule: a dues payment paid in full when the only rule on dues payments looks for underpaid
 * ones, a group meeting when the rules count general meetings. Such a fact passes none of the constraints Drools
 * tests on a fact alone (the alpha network of its type) and so can join, be counted by or block no rule;
 * inserting it would only cost its fact handle, its propagation and its place in the session's memory.
 *
 * <p>For each class of fact this reads, once per rubric, the alpha network Drools built for it (every object
 * type node the class falls under, and the constraints below them) down to the nodes beyond it (a rule's start,
 * the right input of a join, a {@code not}, an {@code accumulate}). A fact is inserted when it reaches one of
 * them. When the facts may go straight into the rule network (see {@link #FactFilter(boolean, List)}) the fact is
 * handed to exactly the nodes it reached: Drools' own insert would look its class up again and test the same
 * constraints a second time on the way down. A class with a rule pattern that has no constraint of its own goes
 * to its nodes without evaluating anything.
 *
 * <p>The filter also notes which gated rules' inputs (see {@link RuleGate}) each fact reached, keeps the facts back
 * from those inputs, and once the facts are in lets in the gate of each gated rule that can fire, after handing
 * that rule's inputs their facts in the order they came. A rule whose gate stays shut never sees its facts.
 */
final class FactFilter {
    /** The nodes beyond the alpha network that one fact reaches, collected before the fact is inserted. */
    private static final class Reached {
        private ObjectSink[] sinks = new ObjectSink[8];
        private int size;
        /** Per input of a gated rule (see {@link #inputs}), how many of this evaluation's facts reached it. */
        private final int[] inputsReached;
        /** The gated rules' inputs the fact being offered reaches, counted once the fact is known to be a new one. */
        private int[] pending = new int[8];
        private int pendingSize;

        Reached(int inputs) {
            inputsReached = new int[inputs];
        }

        void mark(int[] inputs) {
            for (int input : inputs) {
                if (pendingSize == pending.length) {
                    pending = Arrays.copyOf(pending, pendingSize * 2);
                }
                pending[pendingSize++] = input;
            }
        }

        /** Counts the fact being offered at the gated rules' inputs it reaches: it is new to the session. */
        void count() {
            for (int i = 0; i < pendingSize; i++) {
                inputsReached[pending[i]]++;
            }
            pendingSize = 0;
        }

        void add(ObjectSink sink) {
            if (size == sinks.length) {
                sinks = Arrays.copyOf(sinks, size * 2);
            }
            sinks[size++] = sink;
        }

        void addAll(ObjectSink[] more) {
            for (ObjectSink sink : more) {
                add(sink);
            }
        }
    }

    /**
     * The facts that reached gated rules' inputs, kept back until the rule's gate is known to open: most gates stay
     * shut (a subject holds the meetings a collect counts, the document a {@code not} looks for), and a fact handed
     * to a shut rule's node would only be staged there and thrown away at the reset. Kept per input (an
     * {@link Gates.Kind#EACH} or {@link Gates.Kind#EXISTS_NOT} rule has two) in the order the facts came, so that a
     * rule whose gate opens sees its facts in the order it would have.
     */
    private static final class Deferred {
        /** Per input of a gated rule, its first and last fact kept back, as indices into the arrays below; -1 for none. */
        private final int[] first;
        private final int[] last;
        /** Per input, whether its facts go in at once in this evaluation (see {@link Gate#release}). */
        private final boolean[] released;
        /**
         * Per fact kept back: the fact, and its insert's propagation context, which holds its fact handle, when the
         * fact also went into other nodes or reached other inputs; otherwise null, and the class's configuration, for
         * a handle made only if the gate opens.
         */
        private PropagationContext[] contexts = new PropagationContext[64];
        private Object[] facts = new Object[64];
        private ObjectTypeConf[] confs = new ObjectTypeConf[64];
        /** Per fact kept back, the next one kept back for the same rule; -1 for none. */
        private int[] next = new int[64];
        private int size;

        Deferred(int inputs) {
            first = new int[inputs];
            last = new int[inputs];
            released = new boolean[inputs];
            Arrays.fill(first, -1);
        }

        /** @return whether a fact that reaches the input is kept back: not once its facts go in at once */
        boolean keeps(int input) {
            return !released[input];
        }

        void add(int input, PropagationContext context, Object fact, ObjectTypeConf conf) {
            if (size == next.length) {
                contexts = Arrays.copyOf(contexts, size * 2);
                facts = Arrays.copyOf(facts, size * 2);
                confs = Arrays.copyOf(confs, size * 2);
                next = Arrays.copyOf(next, size * 2);
            }
            contexts[size] = context;
            facts[size] = fact;
            confs[size] = conf;
            next[size] = -1;
            if (first[input] < 0) {
                first[input] = size;
            } else {
                next[last[input]] = size;
            }
            last[input] = size;
            size++;
        }

        /** Empties the store for the next evaluation, dropping what the shut rules' inputs were kept from. */
        void clear() {
            Arrays.fill(contexts, 0, size, null);
            Arrays.fill(facts, 0, size, null);
            Arrays.fill(confs, 0, size, null);
            Arrays.fill(first, -1);
            Arrays.fill(released, false);
            size = 0;
        }
    }

    /** A node of the alpha network, as far as this filter needs it. */
    private sealed interface Route permits Never, Sinks, Test, Any, Dispatch {
        /**
         * Adds the nodes beyond the alpha network that the fact reaches on this route, in the order the alpha
         * network lists them, equality dispatches last (Drools takes its hashed equalities first: only the order in
         * which one fact enters different nodes differs, which no scorecard depends on).
         */
        void collect(DefaultFactHandle fact, ValueResolver session, Reached reached);
    }

    private record Never() implements Route {
        @Override
        public void collect(DefaultFactHandle fact, ValueResolver session, Reached reached) {
        }
    }

    /**
     * The end of a route: nodes beyond the alpha network, reached without a further test.
     *
     * @param inputs the inputs of gated rules (see {@link RuleGate}) reached, which are kept apart from the nodes: a
     *     fact is handed to them only if their rule's gate opens
     */
    private record Sinks(ObjectSink[] sinks, int[] inputs) implements Route {
        @Override
        public void collect(DefaultFactHandle fact, ValueResolver session, Reached reached) {
            reached.addAll(sinks);
            reached.mark(inputs);
        }
    }

    private static final int[] NO_INPUTS = new int[0];
    private static final ObjectSink[] NO_SINKS = new ObjectSink[0];

    private record Test(AlphaNodeFieldConstraint constraint, Route next) implements Route {
        @Override
        public void collect(DefaultFactHandle fact, ValueResolver session, Reached reached) {
            if (constraint.isAllowed(fact, session)) {
                next.collect(fact, session, reached);
            }
        }
    }

    private record Any(Route[] routes) implements Route {
        @Override
        public void collect(DefaultFactHandle fact, ValueResolver session, Reached reached) {
            for (Route route : routes) {
                route.collect(fact, session, reached);
            }
        }
    }

    /**
     * Several {@code field == constant} tests on the same field, as {@code type == MeetingType.GENERAL_MEETING},
     * {@code type == MeetingType.COMMITTEE_MEETING}…: the field is read once and its value looked up, instead of
     * testing each constant in turn (Drools hashes such alpha nodes the same way).
     */
    private record Dispatch(ReadAccessor field, Map<Object, Route> byValue) implements Route {
        @Override
        public void collect(DefaultFactHandle fact, ValueResolver session, Reached reached) {
            Object value = field.getValue(session, fact.getObject());
            Route next = value == null ? null : byValue.get(value);
            if (next != null) {
                next.collect(fact, session, reached);
            }
        }
    }

    private static final Route NEVER = new Never();

    /**
     * What this filter knows of one class of fact.
     *
     * @param conf Drools' configuration of the class (its object type nodes)
     * @param route the class's alpha network
     * @param propagated whether the class's object type nodes are ready (their numbering of the nodes below them):
     *     readied by this filter when it first meets the class (see {@link #readied}), or else by the first fact of
     *     the class that goes through Drools' own insert; until then facts are not handed to the nodes directly
     */
    private record Kind(ObjectTypeConf conf, Route route, boolean propagated) {
        Kind readied() {
            return new Kind(conf, route, true);
        }
    }

    private final ConcurrentMap<Class<?>, Kind> kinds = new ConcurrentHashMap<>();
    private final boolean direct;
    private final List<Gates.Gate> gates;
    private final List<RuleGate> gateFacts;
    /**
     * The inputs of the gated rules: the nodes beyond the alpha network whose facts decide a gate (a {@code not}'s
     * or a {@code collect}'s right input; for an {@link Gates.Kind#EACH}, also the join with the source's pattern).
     */
    private final ObjectSink[] inputs;
    /** Each input's number in {@link #inputs}, by the node's identity. */
    private final Map<ObjectSink, Integer> inputOf = new IdentityHashMap<>();
    /** Per gated rule, the number of its input, and of its sources' input for an {@link Gates.Kind#EACH}; or -1. */
    private final int[] inputOfGate;
    private final int[] sourcesOfGate;

    /**
     * @param direct whether facts may go straight into the rule network, past the session's store of objects: true
     *     when no consequence of the rubric looks a fact up in the session by its object ({@code delete},
     *     {@code modify}, {@code update}, {@code drools.…}), which is then the only use of that store
     * @param gates the rubric's gated rules: each is evaluated only when the facts that reached its nodes say it
     *     can fire (see {@link Gate#openGates})
     */
    FactFilter(boolean direct, List<Gates.Gate> gates) {
        this.direct = direct;
        this.gates = gates;
        this.gateFacts = gates.stream().map(Gates.Gate::gate).toList();
        List<ObjectSink> all = new ArrayList<>();
        inputOfGate = new int[gates.size()];
        sourcesOfGate = new int[gates.size()];
        for (int g = 0; g < gates.size(); g++) {
            inputOfGate[g] = number(gates.get(g).input(), all);
            sourcesOfGate[g] = number(gates.get(g).sources(), all);
        }
        inputs = all.toArray(new ObjectSink[0]);
    }

    /** @return the input's number, numbering it if new; -1 for none */
    private int number(ObjectSink input, List<ObjectSink> all) {
        if (input == null) {
            return -1;
        }
        Integer known = inputOf.get(input);
        if (known != null) {
            return known;
        }
        inputOf.put(input, all.size());
        all.add(input);
        return all.size() - 1;
    }

    /** @return the facts that let every gated rule be evaluated, for a session that takes all the facts */
    List<RuleGate> gateFacts() {
        return gateFacts;
    }

    /** @return the rubric's gated rules */
    List<Gates.Gate> gates() {
        return gates;
    }

    /**
     * Lets the facts of one evaluation into its session: those some rule can match, each object once (an object
     * listed twice is one fact, as Drools itself treats a second insert of the same object).
     */
    final class Gate {
        private final KieSession session;
        private final StatefulKnowledgeSessionImpl straight;
        /** Where a fact is handed to the nodes it reached: when straight and the session is not thread-safe. */
        private final InternalWorkingMemoryEntryPoint entryPoint;
        private final IdentitySet held;
        /** The session as Drools' constraints take it. */
        private final ValueResolver resolver;
        private final DefaultFactHandle probe = new DefaultFactHandle();
        private final Reached reached = new Reached(inputs.length);
        private final Deferred deferred = new Deferred(inputs.length);
        /** The keys of an {@link Gates.Kind#EACH} rule's facts, while its gate is decided. */
        private Gates.Keys keys;
        /** Whether a class's alpha network could not be read, so that no gate can be left out. */
        private boolean unread;
        private Class<?> lastClass;
        private Kind lastKind;

        private Gate(KieSession session, IdentitySet held) {
            this.session = session;
            this.straight = direct && session instanceof StatefulKnowledgeSessionImpl impl ? impl : null;
            this.held = held;
            this.resolver = session instanceof ValueResolver r ? r : null;
            // A thread-safe session queues each insert's propagation for its engine to run; only a session confined
            // to this thread propagates at once, as a fact handed to its nodes here does.
            this.entryPoint = straight != null && !straight.isThreadSafe()
                    && straight.getEntryPoint(EntryPointId.DEFAULT.getEntryPointId())
                    instanceof InternalWorkingMemoryEntryPoint named ? named : null;
        }

        /**
         * Inserts a fact through Drools' own insert, without testing it.
         *
         * @return whether it went in: false when this very object was in the session already
         */
        private boolean insert(Object fact) {
            if (straight == null) {
                boolean fresh = session.getFactHandle(fact) == null;
                session.insert(fact);
                return fresh;
            }
            if (held.add(fact)) {
                // the store of objects answers getFactHandle(object), which nothing here asks (see the constructor)
                straight.insertAsync(fact);
                return true;
            }
            return false;
        }

        /**
         * Inserts a fact if some rule could match it; a fact no rule can match (no path through its type's alpha
         * network) could join, be counted by or block no rule, and inserting it would only cost time.
         *
         * @param fact one of the subject's facts, or the subject, the period or the round
         */
        void offer(Object fact) {
            Kind kind = kind(fact);
            Route route = kind.route;
            if (route == NEVER) {
                return;
            }
            ObjectSink[] sinks;
            int count;
            reached.pendingSize = 0;
            if (route == UNREAD) {
                unread = true;
            }
            if (route instanceof Sinks always) {
                sinks = always.sinks;
                count = sinks.length;
                reached.mark(always.inputs);
            } else {
                reached.size = 0;
                probe.setObject(fact);
                route.collect(probe, resolver, reached);
                sinks = reached.sinks;
                count = reached.size;
                if (count == 0 && reached.pendingSize == 0) {
                    return;
                }
            }
            boolean fresh;
            if (entryPoint == null || !kind.propagated || kind.conf.isEvent()) {
                // Drools' insert hands the fact to the gated rules' inputs too: theirs go in first, in order
                for (int i = 0; i < reached.pendingSize; i++) {
                    release(reached.pending[i]);
                }
                fresh = insert(fact);
                if (!kind.propagated) {
                    kinds.put(fact.getClass(), kind.readied());
                    lastClass = null;
                }
            } else {
                fresh = held.add(fact);
                if (fresh) {
                    if (count == 0 && reached.pendingSize == 1 && deferred.keeps(reached.pending[0])) {
                        // only one gated rule's input wants it: no handle unless the rule's gate opens
                        deferred.add(reached.pending[0], null, fact, kind.conf);
                    } else {
                        PropagationContext context = handTo(entryPoint, fact, kind.conf, sinks, count);
                        for (int i = 0; i < reached.pendingSize; i++) {
                            int input = reached.pending[i];
                            if (deferred.keeps(input)) {
                                deferred.add(input, context, fact, null);
                            } else {
                                inputs[input].assertObject(
                                        (InternalFactHandle) context.getFactHandle(), context, straight);
                            }
                        }
                    }
                }
            }
            if (fresh) {
                // an object listed twice is one fact: a collect holds it once, and so it counts once
                reached.count();
            }
        }

        /**
         * Once the facts are in, lets in the gate of each gated rule that can fire (see {@link RuleGate}), after
         * handing its inputs the facts kept back from them: a {@code not} that no fact reached, a {@code collect} whose
         * list of the facts that reached it passes its test, an {@code exists} some fact reached then a {@code not}
         * none did, a {@code not} for each element of a list with some element no fact's key.
         */
        void openGates() {
            GateRoutes routes = gateRoutes;
            EntryPoint entry = null;
            boolean throughDrools = false;
            for (int g = 0; g < gates.size(); g++) {
                if (unread || opens(g)) {
                    if (inputOfGate[g] >= 0) {
                        release(inputOfGate[g]);
                    }
                    if (sourcesOfGate[g] >= 0) {
                        release(sourcesOfGate[g]);
                    }
                    if (entry == null) {
                        entry = session.getEntryPoint(Gates.ENTRY_POINT);
                    }
                    if (routes != null && routes.sinks != null && entryPoint != null
                            && entry instanceof InternalWorkingMemoryEntryPoint in) {
                        handTo(in, gateFacts.get(g), routes.conf, routes.sinks[g], routes.sinks[g].length);
                    } else {
                        entry.insert(gateFacts.get(g));
                        throughDrools = true;
                    }
                }
            }
            deferred.clear();
            if (routes == null && throughDrools && entryPoint != null
                    && entry instanceof InternalWorkingMemoryEntryPoint in) {
                gateRoutes = routeGates(in);
            }
        }

        /** @return whether a gated rule can fire, from the facts that reached its inputs */
        private boolean opens(int g) {
            Gates.Gate gate = gates.get(g);
            if (gate.input() == null) {
                return true;
            }
            if (gate.each() == null) {
                return gate.open(reached.inputsReached[inputOfGate[g]],
                        sourcesOfGate[g] < 0 ? 0 : reached.inputsReached[sourcesOfGate[g]]);
            }
            int input = inputOfGate[g];
            int sources = sourcesOfGate[g];
            if (deferred.released[input] || (sources >= 0 && deferred.released[sources])) {
                return true; // some of its facts went in through Drools' own insert, and were not kept
            }
            if (keys == null) {
                keys = new Gates.Keys();
            }
            keys.clear();
            try {
                for (int i = deferred.first[input]; i >= 0; i = deferred.next[i]) {
                    Object key = gate.each().keyOf(deferred.facts[i], resolver);
                    if (key == Gates.Each.UNSURE) {
                        return true;
                    }
                    keys.add(key);
                }
                if (sources < 0) {
                    return gate.each().uncoveredConstants(keys, resolver);
                }
                for (int i = deferred.first[sources]; i >= 0; i = deferred.next[i]) {
                    if (gate.each().uncovered(deferred.facts[i], keys)) {
                        return true;
                    }
                }
                return false;
            } catch (RuntimeException e) {
                // a key's equals or hashCode, a list's iterator: Drools will call them again, and fail as it does
                return true;
            }
        }

        /**
         * Hands the facts kept back from a gated rule's input to it, in the order they came; from now on in this
         * evaluation the input's facts go in at once.
         */
        private void release(int input) {
            deferred.released[input] = true;
            for (int i = deferred.first[input]; i >= 0; i = deferred.next[i]) {
                PropagationContext context = deferred.contexts[i];
                if (context == null) {
                    context = handTo(entryPoint, deferred.facts[i], deferred.confs[i], NO_SINKS, 0);
                }
                inputs[input].assertObject((InternalFactHandle) context.getFactHandle(), context, straight);
            }
            deferred.first[input] = -1;
        }

        /**
         * Inserts a fact as Drools' own insert does on a session confined to one thread (a fact handle, a
         * propagation context, the propagation), into the nodes the fact was found to reach.
         *
         * @return the insert's propagation context, which holds the fact's handle
         */
        private PropagationContext handTo(InternalWorkingMemoryEntryPoint into, Object fact, ObjectTypeConf conf,
                                          ObjectSink[] sinks, int count) {
            PropagationContext context = into.getPctxFactory().createPropagationContext(
                    straight.getNextPropagationIdCounter(), PropagationContext.Type.INSERTION, null, null, null,
                    into.getEntryPoint());
            InternalFactHandle handle = into.getHandleFactory().newFactHandle(fact, conf, straight, into);
            context.setFactHandle(handle);
            for (int i = 0; i < count; i++) {
                sinks[i].assertObject(handle, context, straight);
            }
            return context;
        }

        /**
         * @param o any object
         * @return whether it is one of the facts in the session
         */
        boolean holds(Object o) {
            return straight == null ? session.getFactHandle(o) != null : held.contains(o);
        }

        private Kind kind(Object fact) {
            if (fact.getClass() != lastClass) {
                lastClass = fact.getClass();
                lastKind = kinds.get(lastClass);
                if (lastKind == null) {
                    lastKind = kinds.computeIfAbsent(lastClass, c -> kindOf(fact, session, inputOf));
                }
            }
            return lastKind;
        }
    }

    /**
     * The nodes each gate fact reaches in the gates' entry point, read once a gate has gone in through Drools' own
     * insert (which readies the entry point's object type node, as {@link Kind#propagated} says); a gate fact's only
     * constraint compares its rule number with a constant, so the nodes it reaches never change.
     *
     * @param conf Drools' configuration of {@link RuleGate} in the gates' entry point
     * @param sinks per gate, the nodes its fact reaches; null when they could not be read
     */
    private record GateRoutes(ObjectTypeConf conf, ObjectSink[][] sinks) {
    }

    private volatile GateRoutes gateRoutes;

    /** @return n of a gate's {@code rule == n} node (Drools reads the number as a long), or null for any other node */
    private static Long ruleTested(AlphaNode alpha) {
        if (alpha.getConstraint() instanceof IndexableConstraint test
                && test.getConstraintType() == ConstraintTypeOperator.EQUAL && test.getField() != null
                && (test.getField().getValue() instanceof Long || test.getField().getValue() instanceof Integer)) {
            return ((Number) test.getField().getValue()).longValue();
        }
        return null;
    }

    /** The gates' nodes could not be read as expected: gates go in through Drools' own insert. */
    private static final GateRoutes UNROUTED = new GateRoutes(null, null);

    /**
     * Reads the gates' alpha network without evaluating its constraints (each would build its evaluator, kept for
     * as long as the rubric lives): under the object type node of {@link RuleGate}, one {@code rule == n} node per
     * gated rule, with the rule's {@code not} or {@code collect} beyond it.
     */
    private GateRoutes routeGates(InternalWorkingMemoryEntryPoint entry) {
        ObjectTypeConf conf = entry.getObjectTypeConfigurationRegistry()
                .getOrCreateObjectTypeConf(entry.getEntryPoint(), gateFacts.get(0));
        ObjectTypeNode[] nodes = conf.getObjectTypeNodes();
        if (nodes.length != 1 || conf.isEvent()) {
            return UNROUTED;
        }
        Map<Long, Integer> gateOfRule = new HashMap<>();
        for (int g = 0; g < gateFacts.size(); g++) {
            gateOfRule.put((long) gateFacts.get(g).rule(), g);
        }
        ObjectSink[][] sinks = new ObjectSink[gateFacts.size()][];
        for (ObjectSink sink : nodes[0].getObjectSinkPropagator().getSinks()) {
            if (!(sink instanceof AlphaNode alpha)) {
                return UNROUTED;
            }
            Integer gate = gateOfRule.get(ruleTested(alpha));
            if (gate == null || sinks[gate] != null
                    || !(below(alpha.getObjectSinkPropagator().getSinks(), Map.of()) instanceof Sinks end)) {
                return UNROUTED;
            }
            sinks[gate] = end.sinks();
        }
        for (ObjectSink[] gate : sinks) {
            if (gate == null) {
                return UNROUTED;
            }
        }
        return new GateRoutes(conf, sinks);
    }

    /**
     * @param session the session the facts of one evaluation go into
     * @param held an empty set, for the facts that go in straight (past the session's store of objects)
     * @return the gate that lets them in
     */
    Gate gate(KieSession session, IdentitySet held) {
        return new Gate(session, held);
    }

    /** When the session's alpha network cannot be read: every fact is inserted, as Drools would take it. */
    private static final Route UNREAD = new Sinks(new ObjectSink[0], NO_INPUTS);

    private static Kind kindOf(Object fact, KieSession session, Map<ObjectSink, Integer> inputOf) {
        if (!(session instanceof WorkingMemoryEntryPoint entryPoint) || !(session instanceof ValueResolver)) {
            return new Kind(null, UNREAD, false);
        }
        ObjectTypeConf conf = entryPoint.getObjectTypeConfigurationRegistry()
                .getOrCreateObjectTypeConf(EntryPointId.DEFAULT, fact);
        List<Route> all = new ArrayList<>();
        for (ObjectTypeNode node : conf.getObjectTypeNodes()) {
            all.add(below(node.getObjectSinkPropagator().getSinks(), inputOf));
        }
        return new Kind(conf, simplify(all), readied(conf, session));
    }

    /**
     * A node that takes nothing: what {@link #readied} hands the facts already in the session to. A class of its own,
     * not a dynamic proxy, whose making would cost a cold start some 10 ms.
     */
    private static final class Nowhere implements ObjectSink {
        @Override
        public void assertObject(InternalFactHandle handle, PropagationContext context, ReteEvaluator evaluator) {
        }

        @Override
        public void modifyObject(InternalFactHandle handle, ModifyPreviousTuples previous, PropagationContext context,
                                 ReteEvaluator evaluator) {
        }

        @Override
        public void byPassModifyToBetaNode(InternalFactHandle handle, ModifyPreviousTuples previous,
                                           PropagationContext context, ReteEvaluator evaluator) {
        }

        @Override
        public int getId() {
            return -1;
        }

        @Override
        public RuleBasePartitionId getPartitionId() {
            return RuleBasePartitionId.MAIN_PARTITION;
        }

        @Override
        public int getType() {
            return -1;
        }

        @Override
        public Rule[] getAssociatedRules() {
            return new Rule[0];
        }

        @Override
        public boolean isAssociatedWith(Rule rule) {
            return false;
        }

        @Override
        public void addAssociatedTerminal(BaseTerminalNode terminal) {
        }

        @Override
        public void removeAssociatedTerminal(BaseTerminalNode terminal) {
        }

        @Override
        public int getAssociatedTerminalsSize() {
            return 0;
        }

        @Override
        public boolean hasAssociatedTerminal(BaseTerminalNode terminal) {
            return false;
        }

        @Override
        public NetworkNode[] getSinks() {
            return new NetworkNode[0];
        }
    }

    private static final ObjectSink NOWHERE = new Nowhere();

    /**
     * Readies a class's object type nodes as Drools' first insert of one of its facts does (numbering the nodes below
     * them), without inserting one: so that the facts of even the first evaluation of a rubric go straight to their
     * nodes, and gated rules' inputs are kept back from the start. Drools' own way of attaching a node to the facts
     * already in a session is asked to attach one that takes nothing.
     *
     * @return whether the nodes are ready; otherwise the class's first fact goes through Drools' own insert
     */
    private static boolean readied(ObjectTypeConf conf, KieSession session) {
        if (!(session instanceof InternalWorkingMemory memory) || conf.isEvent()) {
            return false;
        }
        try {
            for (ObjectTypeNode node : conf.getObjectTypeNodes()) {
                node.updateSink(NOWHERE, null, memory);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Route below(ObjectSink[] sinks, Map<ObjectSink, Integer> inputOf) {
        List<Route> all = new ArrayList<>();
        // the routes behind `field == constant` tests, by field (its index in the class) and constant
        Map<Integer, Map<Object, List<Route>>> equalities = new LinkedHashMap<>();
        Map<Integer, ReadAccessor> fields = new HashMap<>();
        for (ObjectSink sink : sinks) {
            if (sink instanceof AlphaNode alpha) {
                Route next = below(alpha.getObjectSinkPropagator().getSinks(), inputOf);
                if (next == NEVER) {
                    continue;
                }
                Object constant = hashable(alpha.getConstraint());
                if (constant != null) {
                    ReadAccessor field = ((IndexableConstraint) alpha.getConstraint()).getFieldExtractor();
                    fields.putIfAbsent(field.getIndex(), field);
                    equalities.computeIfAbsent(field.getIndex(), i -> new LinkedHashMap<>())
                            .computeIfAbsent(constant, c -> new ArrayList<>()).add(next);
                } else {
                    all.add(new Test(alpha.getConstraint(), next));
                }
            } else {
                // a gated rule's input is not among the nodes a fact is handed to at once (see Deferred)
                Integer input = inputOf.get(sink);
                all.add(input == null ? new Sinks(new ObjectSink[] {sink}, NO_INPUTS)
                        : new Sinks(NO_SINKS, new int[] {input}));
            }
        }
        equalities.forEach((index, byConstant) -> {
            Map<Object, Route> byValue = new HashMap<>();
            byConstant.forEach((constant, routes) -> byValue.put(constant, simplify(routes)));
            all.add(new Dispatch(fields.get(index), Map.copyOf(byValue)));
        });
        return simplify(all);
    }

    /**
     * @param constraint an alpha constraint
     * @return the constant of a {@code field == constant} test whose outcome is exactly {@code constant.equals(the
     *     field's value)}, or null when the constraint is anything else. Only enum constants and strings qualify:
     *     for numbers, {@code ==} compares across types ({@code 4 == 4L}), which a lookup by equality would not.
     */
    private static Object hashable(AlphaNodeFieldConstraint constraint) {
        if (!(constraint instanceof IndexableConstraint indexable)
                || indexable.getConstraintType() != ConstraintTypeOperator.EQUAL || indexable.isUnification()
                || indexable.getField() == null || indexable.getFieldExtractor() == null
                || indexable.getFieldExtractor().getIndex() < 0) {
            return null;
        }
        Object constant = indexable.getField().getValue();
        Class<?> fieldType = indexable.getFieldExtractor().getExtractToClass();
        if (constant instanceof Enum<?> e && e.getDeclaringClass() == fieldType) {
            return constant;
        }
        if (constant instanceof String && fieldType == String.class) {
            return constant;
        }
        return null;
    }

    /** One route for several, with neighbouring ends merged: nodes reached without a test are one array. */
    private static Route simplify(List<Route> all) {
        List<Route> kept = new ArrayList<>();
        for (Route route : all) {
            if (route == NEVER) {
                continue;
            }
            if (route instanceof Sinks more && !kept.isEmpty() && kept.get(kept.size() - 1) instanceof Sinks before) {
                ObjectSink[] both = Arrays.copyOf(before.sinks, before.sinks.length + more.sinks.length);
                System.arraycopy(more.sinks, 0, both, before.sinks.length, more.sinks.length);
                int[] inputs = Arrays.copyOf(before.inputs, before.inputs.length + more.inputs.length);
                System.arraycopy(more.inputs, 0, inputs, before.inputs.length, more.inputs.length);
                kept.set(kept.size() - 1, new Sinks(both, inputs));
            } else {
                kept.add(route);
            }
        }
        return kept.isEmpty() ? NEVER : kept.size() == 1 ? kept.get(0) : new Any(kept.toArray(new Route[0]));
    }
}
