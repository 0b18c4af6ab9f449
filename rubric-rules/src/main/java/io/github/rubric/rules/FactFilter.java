package io.github.rubric.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.drools.base.base.ValueResolver;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.WorkingMemoryEntryPoint;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;

/**
 * Which facts can reach a rule. Most of a subject's facts are matched by no rule: a dues payment paid in full
 * when the only rule on dues payments looks for underpaid ones, a group meeting when the rules count general
 * meetings. Such a fact passes none of the constraints Drools tests on a fact alone (the alpha network of its
 * type) and so can join, be counted by or block no rule; inserting it would only cost its fact handle, its
 * propagation and its place in the session's memory.
 *
 * <p>For each class of fact this reads, once per rubric, the alpha network Drools built for it (every object
 * type node the class falls under, and the constraints below them); a fact is inserted when some path reaches
 * a node that is not an alpha constraint (a join, a {@code not}, an {@code accumulate}, a rule's start). A class
 * with a rule pattern that has no constraint of its own is always inserted, without evaluating anything.
 */
final class FactFilter {
    /** A node of the alpha network, as far as this filter needs it. */
    private sealed interface Route permits Always, Never, Test, Any, Dispatch {
        boolean reaches(DefaultFactHandle fact, ValueResolver session);
    }

    private record Always() implements Route {
        @Override
        public boolean reaches(DefaultFactHandle fact, ValueResolver session) {
            return true;
        }
    }

    private record Never() implements Route {
        @Override
        public boolean reaches(DefaultFactHandle fact, ValueResolver session) {
            return false;
        }
    }

    private record Test(AlphaNodeFieldConstraint constraint, Route next) implements Route {
        @Override
        public boolean reaches(DefaultFactHandle fact, ValueResolver session) {
            return constraint.isAllowed(fact, session) && next.reaches(fact, session);
        }
    }

    private record Any(Route[] routes) implements Route {
        @Override
        public boolean reaches(DefaultFactHandle fact, ValueResolver session) {
            for (Route route : routes) {
                if (route.reaches(fact, session)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Several {@code field == constant} tests on the same field, as {@code type == MeetingType.GENERAL_MEETING},
     * {@code type == MeetingType.COMMITTEE_MEETING}…: the field is read once and its value looked up, instead of
     * testing each constant in turn (Drools hashes such alpha nodes the same way).
     */
    private record Dispatch(ReadAccessor field, Map<Object, Route> byValue) implements Route {
        @Override
        public boolean reaches(DefaultFactHandle fact, ValueResolver session) {
            Object value = field.getValue(session, fact.getObject());
            Route next = value == null ? null : byValue.get(value);
            return next != null && next.reaches(fact, session);
        }
    }

    private static final Route ALWAYS = new Always();
    private static final Route NEVER = new Never();

    private final ConcurrentMap<Class<?>, Route> routes = new ConcurrentHashMap<>();
    private final boolean direct;

    /**
     * @param direct whether facts may go straight into the rule network, past the session's store of objects: true
     *     when no consequence of the rubric looks a fact up in the session by its object ({@code delete},
     *     {@code modify}, {@code update}, {@code drools.…}), which is then the only use of that store
     */
    FactFilter(boolean direct) {
        this.direct = direct;
    }

    /**
     * Lets the facts of one evaluation into its session: those some rule can match, each object once (an object
     * listed twice is one fact, as Drools itself treats a second insert of the same object).
     */
    final class Gate {
        private final KieSession session;
        private final StatefulKnowledgeSessionImpl straight;
        private final Set<Object> held;
        /** The session as Drools' constraints take it. */
        private final ValueResolver resolver;
        private final DefaultFactHandle probe = new DefaultFactHandle();
        private Class<?> lastClass;
        private Route lastRoute;

        private Gate(KieSession session, int facts) {
            this.session = session;
            this.straight = direct && session instanceof StatefulKnowledgeSessionImpl impl ? impl : null;
            this.held = straight == null ? null : Collections.newSetFromMap(new IdentityHashMap<>(facts));
            this.resolver = session instanceof ValueResolver r ? r : null;
        }

        /**
         * Inserts a fact every rule may see (the subject, the period, the round), without testing it.
         *
         * @param fact the fact
         */
        void insert(Object fact) {
            if (straight == null) {
                session.insert(fact);
            } else if (held.add(fact)) {
                // the store of objects answers getFactHandle(object), which nothing here asks (see the constructor)
                straight.insertAsync(fact);
            }
        }

        /**
         * Inserts a fact if some rule could match it; a fact no rule can match (no path through its type's alpha
         * network) could join, be counted by or block no rule, and inserting it would only cost time.
         *
         * @param fact one of the subject's facts
         */
        void offer(Object fact) {
            if (reaches(fact)) {
                insert(fact);
            }
        }

        /**
         * @param o any object
         * @return whether it is one of the facts in the session
         */
        boolean holds(Object o) {
            return straight == null ? session.getFactHandle(o) != null : held.contains(o);
        }

        private boolean reaches(Object fact) {
            if (fact.getClass() != lastClass) {
                lastClass = fact.getClass();
                lastRoute = routes.get(lastClass);
                if (lastRoute == null) {
                    lastRoute = routes.computeIfAbsent(lastClass, c -> route(fact, session));
                }
            }
            Route route = lastRoute;
            if (route == ALWAYS) {
                return true;
            }
            if (route == NEVER) {
                return false;
            }
            probe.setObject(fact);
            return route.reaches(probe, resolver);
        }
    }

    /**
     * @param session the session the facts of one evaluation go into
     * @param facts about how many facts the evaluation has
     * @return the gate that lets them in
     */
    Gate gate(KieSession session, int facts) {
        return new Gate(session, facts);
    }

    private static Route route(Object fact, KieSession session) {
        if (!(session instanceof WorkingMemoryEntryPoint entryPoint) || !(session instanceof ValueResolver)) {
            return ALWAYS;
        }
        ObjectTypeNode[] nodes = entryPoint.getObjectTypeConfigurationRegistry()
                .getOrCreateObjectTypeConf(EntryPointId.DEFAULT, fact).getObjectTypeNodes();
        List<Route> all = new ArrayList<>();
        for (ObjectTypeNode node : nodes) {
            all.add(below(node.getObjectSinkPropagator().getSinks()));
        }
        return simplify(all);
    }

    private static Route below(ObjectSink[] sinks) {
        List<Route> all = new ArrayList<>();
        // the routes behind `field == constant` tests, by field (its index in the class) and constant
        Map<Integer, Map<Object, List<Route>>> equalities = new LinkedHashMap<>();
        Map<Integer, ReadAccessor> fields = new HashMap<>();
        for (ObjectSink sink : sinks) {
            if (sink instanceof AlphaNode alpha) {
                Route next = below(alpha.getObjectSinkPropagator().getSinks());
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
                return ALWAYS;
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

    private static Route simplify(List<Route> all) {
        List<Route> kept = new ArrayList<>();
        for (Route route : all) {
            if (route == ALWAYS) {
                return ALWAYS;
            }
            if (route != NEVER) {
                kept.add(route);
            }
        }
        return kept.isEmpty() ? NEVER : kept.size() == 1 ? kept.get(0) : new Any(kept.toArray(new Route[0]));
    }
}
