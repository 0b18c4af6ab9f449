package io.github.rubric.rules;

/**
 * A fact the engine inserts so that one rule of a rubric is evaluated; not for rule files. When a rubric is
 * compiled, a rule whose whole condition is one {@code not X( … )}, or one {@code List( !isEmpty ) from collect( X(
 * … ) )} or {@code List( size < 4 ) from collect( X( … ) )} (any comparison of the size with a number), over facts
 * tested on their own, or an {@code exists X( … )} then a {@code not Y( … )}, or a {@code not} for each element of a
 * fact's list or of a list of constants ({@code $p : AssessmentPeriod()},
 * {@code $m : YearMonth() from $p.months()}, {@code not Meeting( …, monthOfDate == $m )}; {@code $kind : DocumentKind()
 * from [ DocumentKind.WORK_PLAN, … ]}, {@code not Document( kind == $kind )}, perhaps then {@code $found : List() from
 * collect( … )}), gets this leading
 * pattern; the engine inserts the rule's gate only when the rule can fire, which it knows from the facts that passed
 * the rule's tests as they went in (see {@code FactFilter}): for the last, whether some element is the key of no
 * such fact. Otherwise Drools would link, evaluate and reset every such rule for every subject. Gates go in
 * by an entry point of their own, {@code "rubric-gates"}, so that no rule on {@code Object()} sees them; a rubric that
 * adds or changes facts in its consequences, or orders rules by agenda, activation or rule-flow groups, is not
 * gated. Public only because Drools reads it.
 *
 * @param rule the gated rule's number in its rubric
 */
public record RuleGate(int rule) {
}
