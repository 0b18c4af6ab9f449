package io.github.rubric.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.drools.base.base.ValueResolver;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.WorkingMemoryEntryPoint;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
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
    private sealed interface Route permits Always, Never, Test, Any {
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

    private static final Route ALWAYS = new Always();
    private static final Route NEVER = new Never();

    private final ConcurrentMap<Class<?>, Route> routes = new ConcurrentHashMap<>();

    /** Decides for the facts of one evaluation, remembering the route of the last class (facts come grouped by kind). */
    final class Gate {
        private final KieSession session;
        private final DefaultFactHandle probe = new DefaultFactHandle();
        private Class<?> lastClass;
        private Route lastRoute;

        private Gate(KieSession session) {
            this.session = session;
        }

        /**
         * @param fact a fact about to be inserted
         * @return whether some rule could match it
         */
        boolean reaches(Object fact) {
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
            return route.reaches(probe, (ValueResolver) session);
        }
    }

    /**
     * @param session the session the facts of one evaluation go into
     * @return the gate that decides for them
     */
    Gate gate(KieSession session) {
        return new Gate(session);
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
        for (ObjectSink sink : sinks) {
            if (sink instanceof AlphaNode alpha) {
                Route next = below(alpha.getObjectSinkPropagator().getSinks());
                all.add(next == NEVER ? NEVER : new Test(alpha.getConstraint(), next));
            } else {
                return ALWAYS;
            }
        }
        return simplify(all);
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
