package io.github.rubric.rules;

import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.PatternSource;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * What a compiled rule's conditions look at, read from Drools' own condition tree: the fact types its patterns
 * match (with the constraints that need no other fact, such as {@code type == MeetingType.GENERAL_MEETING}),
 * and whether it can fire more than once in one evaluation.
 *
 * <p>The engine uses it to explain a criterion that did not fire ("checked: 4 general meetings") and the lint
 * to judge what a rule can deduct at most. It reads Drools' internal model ({@code org.drools.base.rule}); if a
 * rule's tree is of a shape it does not know, it says so ({@link Shape#understood()}) rather than guess.
 */
final class RuleShapes {
    private RuleShapes() {
    }

    /**
     * The facts one pattern examines.
     *
     * @param type the pattern's type
     * @param alpha the pattern's constraints that test one fact on its own
     * @param positive whether the pattern stands on its own in the rule (not inside {@code not}, {@code exists},
     *     {@code collect} or {@code accumulate}): the rule fires on the facts that match it, so when it did not
     *     fire, the facts of its type that did not match are what was checked
     */
    record Examined(Class<?> type, List<AlphaNodeFieldConstraint> alpha, boolean positive) {
        Examined {
            alpha = List.copyOf(alpha);
        }
    }

    /**
     * A rule's conditions.
     *
     * @param rule the rule's name
     * @param examined the patterns on facts, in the order written
     * @param firesOnce whether the rule can fire at most once per evaluation: its conditions are {@code not},
     *     {@code exists}, {@code collect}/{@code accumulate} results, the period or the subject
     * @param understood whether every condition was of a shape this reader knows
     */
    record Shape(String rule, List<Examined> examined, boolean firesOnce, boolean understood) {
        Shape {
            examined = List.copyOf(examined);
        }

        /** @return the types the rule's patterns examine, without repeats */
        List<Class<?>> types() {
            return examined.stream().<Class<?>>map(Examined::type).distinct().toList();
        }
    }

    static Map<String, Shape> of(KieBase kieBase) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                shapes.put(rule.getName(), of(rule));
            }
        }
        return shapes;
    }

    private static Shape of(Rule rule) {
        if (!(rule instanceof RuleImpl impl)) {
            return new Shape(rule.getName(), List.of(), false, false);
        }
        Walk walk = new Walk();
        walk.element(impl.getLhs(), true);
        return new Shape(rule.getName(), walk.examined, !walk.many, walk.understood);
    }

    private static final class Walk {
        final List<Examined> examined = new ArrayList<>();
        boolean many;
        boolean understood = true;

        /** @param top whether the element decides how often the rule fires (not inside not/exists/collect) */
        void element(RuleConditionElement element, boolean top) {
            if (element instanceof GroupElement group) {
                if (group.isOr() && top) {
                    many = true;
                }
                boolean inner = !top || group.isNot() || group.isExists();
                for (RuleConditionElement child : group.getChildren()) {
                    element(child, !inner);
                }
            } else if (element instanceof Pattern pattern) {
                pattern(pattern, top);
            } else if (element instanceof Collect || element instanceof Accumulate) {
                source((PatternSource) element);
            } else if (element.getClass().getSimpleName().equals("EvalCondition")) {
                // an eval tests bound values; it examines no facts of its own
            } else {
                for (RuleConditionElement nested : element.getNestedElements()) {
                    element(nested, false);
                }
                if (top) {
                    many = true;
                }
                understood = false;
            }
        }

        private void pattern(Pattern pattern, boolean top) {
            PatternSource source = pattern.getSource();
            if (source instanceof Collect || source instanceof Accumulate) {
                this.source(source);
                return;
            }
            Class<?> type = type(pattern.getObjectType());
            if (type == RuleGate.class) {
                return; // the engine's, not the rule file's: it fires once, when the engine lets the rule be evaluated
            }
            if (source == null) {
                examined.add(new Examined(type, alpha(pattern), top));
                boolean single = type != null
                        && (AssessmentPeriod.class.isAssignableFrom(type) || Subject.class.isAssignableFrom(type));
                if (top && !single) {
                    many = true;
                }
            } else {
                // "from" an expression: a value per element, so possibly several firings
                if (top) {
                    many = true;
                }
            }
        }

        private void source(PatternSource source) {
            if (source instanceof Collect collect) {
                element(collect.getSourcePattern(), false);
            } else if (source instanceof Accumulate accumulate) {
                element(accumulate.getSource(), false);
            }
        }

        private static Class<?> type(ObjectType type) {
            return type instanceof ClassObjectType c ? c.getClassType() : Object.class;
        }

        private static List<AlphaNodeFieldConstraint> alpha(Pattern pattern) {
            List<AlphaNodeFieldConstraint> alpha = new ArrayList<>();
            for (Constraint c : pattern.getConstraints()) {
                if (c.getType() == Constraint.ConstraintType.ALPHA && c instanceof AlphaNodeFieldConstraint a) {
                    alpha.add(a);
                }
            }
            return alpha;
        }
    }
}
