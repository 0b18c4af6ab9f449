package io.github.rubric.rules;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.drools.base.common.NetworkNode;
import org.drools.base.rule.accessor.Accumulator;
import org.drools.core.base.accumulators.CollectAccumulator;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.LeftTupleSink;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.mvel.MVELConstraint;

/**
 * Lets Drools compile the constraints that rules put on what {@code collect} and {@code accumulate} return, as
 * {@code List( size < 4 )} and {@code List( !isEmpty )}: most rules of a rubric have one, and every subject
 * evaluates them.
 *
 * <p>Drools compiles a constraint to bytecode after it has been evaluated 20 times, except a constraint it could
 * not type-check when the rules were built (its "dynamic" constraints), since the objects it meets might be of
 * any class: {@code List( !isEmpty )}, for one, where MVEL finds no property {@code isEmpty} on {@code List}
 * (it is a method) and falls back to untyped analysis. Those are evaluated by MVEL's interpreter for ever: 13 of
 * seed000's result constraints, 16 of powerplant's, about 5 % of a powerplant evaluation. The result of a
 * {@code collect} or of a built-in accumulate
 * function is made by that function, always of one class for a given rule, so its constraints are as safe
 * to compile as any other; Drools then compiles them as it does the rest, and evaluates a constraint it
 * cannot compile interpreted, as before. Results of accumulates with code of their own ({@code init},
 * {@code action}, {@code result}) are left as they are.
 *
 * <p>This changes a field of Drools' constraints; if Drools' classes do not have it, nothing is changed.
 */
final class ResultConstraints {
    private static final Field DYNAMIC = field();

    private ResultConstraints() {
    }

    private static Field field() {
        try {
            Field f = MVELConstraint.class.getDeclaredField("isDynamic");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param kieBase a compiled rubric's rules
     * @return how many constraints were made compilable
     */
    static int compilable(InternalKnowledgeBase kieBase) {
        if (DYNAMIC == null) {
            return 0;
        }
        int flipped = 0;
        for (AccumulateNode accumulate : accumulateNodes(kieBase)) {
            if (madeByFunctions(accumulate)) {
                for (Object c : accumulate.getResultConstraints()) {
                    flipped += flip(c);
                }
                for (Object c : accumulate.getResultBinder().getConstraints()) {
                    flipped += flip(c);
                }
            }
        }
        return flipped;
    }

    /**
     * @param kieBase a compiled rubric's rules
     * @return every accumulate node of its network ({@code collect} and {@code accumulate}), each once
     */
    static List<AccumulateNode> accumulateNodes(InternalKnowledgeBase kieBase) {
        List<AccumulateNode> found = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<NetworkNode> queue = new ArrayDeque<>();
        for (EntryPointNode entryPoint : kieBase.getRete().getEntryPointNodes().values()) {
            queue.addAll(entryPoint.getObjectTypeNodes().values());
        }
        while (!queue.isEmpty()) {
            NetworkNode node = queue.poll();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof AccumulateNode accumulate) {
                found.add(accumulate);
            }
            if (node instanceof ObjectSource source) {
                for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
                    queue.add(sink);
                }
            }
            if (node instanceof LeftTupleSource source) {
                for (LeftTupleSink sink : source.getSinkPropagator().getSinks()) {
                    queue.add(sink);
                }
            }
        }
        return found;
    }

    /** Whether the result is made by {@code collect} or accumulate functions, not by the rule's own code. */
    private static boolean madeByFunctions(AccumulateNode node) {
        for (Accumulator accumulator : node.getAccumulate().getAccumulators()) {
            if (!(accumulator instanceof CollectAccumulator)
                    && !accumulator.getClass().getSimpleName().endsWith("AccumulatorFunctionExecutor")) {
                return false;
            }
        }
        return true;
    }

    private static int flip(Object constraint) {
        if (constraint instanceof MVELConstraint mvel && mvel.isDynamic()) {
            try {
                DYNAMIC.setBoolean(mvel, false);
                return 1;
            } catch (IllegalAccessException e) {
                return 0;
            }
        }
        return 0;
    }
}
