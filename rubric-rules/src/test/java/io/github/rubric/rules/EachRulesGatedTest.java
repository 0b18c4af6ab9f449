package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.deductions;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.result.Scorecard;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code not} for each element of a fact's list ({@code $p : AssessmentPeriod()}, {@code $m : YearMonth() from
 * $p.months()}, {@code not Meeting( …, monthOfDate == $m )}) is evaluated only when some element is the key of no
 * fact that reached the {@code not} (see {@link Gates.Each}): such rules score exactly as written, whichever facts
 * come.
 */
class EachRulesGatedTest {
    private static final String RULES = """
            import java.time.YearMonth;

            declare Report
                quarter : long
            end

            rule "2 a committee meeting every month"
                @item("1")
            when
                $p : AssessmentPeriod()
                $m : YearMonth() from $p.months()
                not Meeting( type == MeetingType.COMMITTEE_MEETING, monthOfDate == $m )
            then
                score.deduct("0.5", "no committee meeting in " + $m);
            end

            rule "3 a party lecture every quarter"
                @item("1")
            when
                $p : AssessmentPeriod()
                $q : Integer() from $p.quarters()
                not Meeting( type == MeetingType.PARTY_LECTURE, quarterOfDate == $q )
            then
                score.deduct("1", "no party lecture in quarter " + $q);
            end

            rule "4 a group meeting every quarter"
                @item("1")
            when
                $p : AssessmentPeriod()
                $q : Integer() from $p.quarters()
                not Meeting( type == MeetingType.GROUP_MEETING, AssessmentPeriod.quarterOf( date ) == $q )
            then
                score.deduct("1", "no group meeting in quarter " + $q);
            end

            rule "6 a plan and a summary"
                @item("1")
            when
                $kind : DocumentKind() from [ DocumentKind.WORK_PLAN, DocumentKind.WORK_SUMMARY ]
                not Document( kind == $kind, complete )
                $found : List() from collect( Document( kind == $kind ) )
            then
                score.deduct("1", "no complete " + $kind + " of " + $found.size(), $found);
            end

            rule "5 a report every quarter"
                @item("1")
            when
                $p : AssessmentPeriod()
                $q : Integer() from $p.quarters()
                not Report( quarter == $q )
            then
                score.deduct("1", "no report for quarter " + $q);
            end
            """;

    @Test
    void gatesANotForEachElementOfAFactsList() {
        // GIVEN the rules above, and shapes that are not one not for each element of a list (or whose list of
        // constants names a global or calls a method, or whose list of the not's facts is tested)
        String text = tinyWith(RULES + """
                rule "6 the element tested"
                    @item("1")
                when
                    $p : AssessmentPeriod()
                    $m : YearMonth( monthValue > 6 ) from $p.months()
                    not Meeting( type == MeetingType.COMMITTEE_MEETING, monthOfDate == $m )
                then
                    score.deduct("0.1", "second half");
                end

                rule "7 the source in the not"
                    @item("1")
                when
                    $p : AssessmentPeriod()
                    $m : YearMonth() from $p.months()
                    not Meeting( monthOfDate == $m, date.isAfter( $p.start ) )
                then
                    score.deduct("0.1", "late");
                end

                rule "9 a list that names a global"
                    @item("1")
                when
                    $kind : DocumentKind() from [ score.kind, DocumentKind.WORK_PLAN ]
                    not Document( kind == $kind )
                then
                    score.deduct("0.1", "missing");
                end

                rule "10 a list with a call"
                    @item("1")
                when
                    $kind : DocumentKind() from [ DocumentKind.valueOf( "WORK_PLAN" ) ]
                    not Document( kind == $kind )
                then
                    score.deduct("0.1", "missing");
                end

                rule "11 a list of the not's facts"
                    @item("1")
                when
                    $kind : DocumentKind() from [ DocumentKind.WORK_PLAN ]
                    not Document( kind == $kind )
                    $l : List( size > 1 ) from collect( Document( kind == $kind ) )
                then
                    score.deduct("0.1", "missing");
                end

                rule "8 not equal"
                    @item("1")
                when
                    $p : AssessmentPeriod()
                    $m : YearMonth() from $p.months()
                    not Meeting( monthOfDate != $m )
                then
                    score.deduct("0.1", "every meeting in every month");
                end
                """);

        // WHEN the rules to gate are planned
        Gates.Plan plan = Gates.plan(text);

        // THEN the five rules of the shape are gated as EACH, with their names; the others are not
        assertThat(plan.gated().stream().filter(p -> p.kind() == Gates.Kind.EACH).toList()).containsExactly(
                new Gates.Planned("2 a committee meeting every month", Gates.Kind.EACH, null,
                        new Gates.EachText("$p", "months", "$m", false)),
                new Gates.Planned("3 a party lecture every quarter", Gates.Kind.EACH, null,
                        new Gates.EachText("$p", "quarters", "$q", false)),
                new Gates.Planned("4 a group meeting every quarter", Gates.Kind.EACH, null,
                        new Gates.EachText("$p", "quarters", "$q", false)),
                new Gates.Planned("6 a plan and a summary", Gates.Kind.EACH, null,
                        new Gates.EachText(null, null, "$kind", true)),
                new Gates.Planned("5 a report every quarter", Gates.Kind.EACH, null,
                        new Gates.EachText("$p", "quarters", "$q", false)));
        assertThat(plan.gated()).extracting(Gates.Planned::rule)
                .doesNotContain("6 the element tested", "7 the source in the not", "8 not equal",
                        "9 a list that names a global", "10 a list with a call", "11 a list of the not's facts");
    }

    @ParameterizedTest(name = "committee meetings in {0}, lectures in quarters {1}, group meetings in {2}, reports {3}")
    @CsvSource(delimiter = ';', value = {
        "1,2,3,4,5,6,7,8,9,10,11,12; 1,2,3,4; 1,2,3,4; 1,2,3,4; WORK_PLAN,WORK_SUMMARY",
        "1,2,4,5,6,7,8,9,10,11,12; 1,3,4; 2,3,4; 1,2,4; WORK_PLAN,WORK_SUMMARY-,WORK_SUMMARY",
        "12; 4; 1; 3; WORK_SUMMARY,WORK_PLAN-",
        "; ; ; ; ",
        "3,3,3,6,6,9,9,12,12; 2,2,2; 1,1; 1,1; WORK_PLAN-,WORK_PLAN-,ACTIVITY_PLAN",
    })
    void scoresAsTheRulesSayWhicheverMonthsAndQuartersAreCovered(String committees, String lectures, String groups,
                                                                  String reports, String documents) {
        // GIVEN the rules gated, and the same rules ungated
        Rubric gated = Rubric.fromString("gated.drl", tinyWith(RULES));
        Rubric ungated = ungated();
        StringBuilder facts = new StringBuilder(FACTS);
        for (String month : list(committees)) {
            facts.append("  - { type: COMMITTEE_MEETING, date: 2024-%02d-10 }\n".formatted(Integer.parseInt(month)));
        }
        for (String quarter : list(lectures)) {
            facts.append("  - { type: PARTY_LECTURE, date: 2024-%02d-11 }\n".formatted(3 * Integer.parseInt(quarter)));
        }
        for (String quarter : list(groups)) {
            facts.append("  - { type: GROUP_MEETING, date: 2024-%02d-12 }\n".formatted(3 * Integer.parseInt(quarter) - 1));
        }
        if (!list(documents).isEmpty()) {
            // a kind ending in '-' is a document that is not complete
            facts.append("documents:\n");
            for (String document : list(documents)) {
                facts.append("  - { kind: %s, complete: %s }\n".formatted(document.replace("-", ""),
                        !document.endsWith("-")));
            }
        }
        facts.append("records:\n  Report:\n");
        for (String quarter : list(reports)) {
            facts.append("    - { quarter: ").append(quarter).append(" }\n");
        }
        if (list(reports).isEmpty()) {
            facts.setLength(facts.length() - "records:\n  Report:\n".length());
        }

        // WHEN both score the facts, the gated one twice (its first evaluation takes the facts through Drools' own
        // insert, the next keeps them back until the gates are decided), and the gated one explains them
        Scorecard first = gated.score(gated.readFacts("branch.yaml", facts.toString()));
        Scorecard a = gated.score(gated.readFacts("branch.yaml", facts.toString()));
        Scorecard b = ungated.score(ungated.readFacts("branch.yaml", facts.toString()));
        Evaluation c = gated.evaluate(gated.readFacts("branch.yaml", facts.toString()));

        // THEN all give the same deductions, one for each month or quarter without its meeting or report
        List<String> expected = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            if (!list(committees).contains(String.valueOf(m))) {
                expected.add("no committee meeting in " + YearMonth.of(2024, m));
            }
        }
        for (int q = 1; q <= 4; q++) {
            if (!list(lectures).contains(String.valueOf(q))) {
                expected.add("no party lecture in quarter " + q);
            }
            if (!list(groups).contains(String.valueOf(q))) {
                expected.add("no group meeting in quarter " + q);
            }
            if (!list(reports).contains(String.valueOf(q))) {
                expected.add("no report for quarter " + q);
            }
        }
        for (String kind : List.of("WORK_PLAN", "WORK_SUMMARY")) {
            if (!list(documents).contains(kind)) {
                long found = list(documents).stream().filter(d -> d.replace("-", "").equals(kind)).count();
                expected.add("no complete " + kind + " of " + found);
            }
        }
        assertThat(deductions(a)).hasSize(expected.size())
                .allSatisfy(d -> assertThat(expected).anyMatch(d::contains));
        assertThat(deductions(first)).isEqualTo(deductions(a));
        assertThat(deductions(b)).isEqualTo(deductions(a));
        assertThat(deductions(c.scorecard())).isEqualTo(deductions(a));
        // the five rules are gated indeed, each with its inputs
        assertThat(gated.gates()).filteredOn(g -> g.kind() == Gates.Kind.EACH).hasSize(5)
                .allSatisfy(g -> assertThat(g.input()).isNotNull())
                .allSatisfy(g -> assertThat(g.each()).isNotNull());
    }

    @Test
    void aMeetingListedTwiceIsOneFactAndCoversItsMonthOnce() {
        // GIVEN the rules gated and ungated, and facts that list each month's committee meeting twice, as one object
        Rubric gated = Rubric.fromString("gated.drl", tinyWith(RULES));
        Rubric ungated = ungated();
        StringBuilder text = new StringBuilder(FACTS);
        for (int m = 1; m <= 11; m++) {
            text.append("  - { type: COMMITTEE_MEETING, date: 2024-%02d-10 }\n".formatted(m));
        }
        FactSet read = gated.readFacts("branch.yaml", text.toString());
        List<Object> listed = new ArrayList<>(read.facts());
        read.facts().stream().filter(f -> f instanceof Meeting).forEach(listed::add);
        FactSet subject = new FactSet(read.source(), read.subject(), read.period(), read.round(), listed);

        // WHEN both score it, the gated one twice
        gated.score(subject);
        Scorecard a = gated.score(subject);
        Scorecard b = ungated.score(subject);

        // THEN only December lacks its meeting, as without gates
        assertThat(deductions(a)).filteredOn(d -> d.startsWith("2 ")).containsExactly(
                "2 a committee meeting every month: no committee meeting in 2024-12 -0.5 []");
        assertThat(deductions(a)).isEqualTo(deductions(b));
    }

    /** A source whose methods return a list every way Drools' {@code from} reads one. */
    public static final class Source {
        public List<Integer> list() {
            return List.of(1, 2);
        }

        public int[] array() {
            return new int[] {1, 2};
        }

        public Iterator<Integer> iterator() {
            return List.of(1, 2).iterator();
        }

        public Integer single() {
            return 2;
        }

        public Object nothing() {
            return null;
        }

        public List<Object> mixed() {
            List<Object> mixed = new ArrayList<>();
            mixed.add(null);
            mixed.add("2");
            mixed.add(2L);
            return mixed;
        }

        public List<Double> decimals() {
            return List.of(1.0);
        }

        public List<Integer> failing() {
            throw new IllegalStateException("no list today");
        }
    }

    @Test
    void readsTheSourcesListAsFromDoesAndOpensWhenUnsure() {
        // GIVEN the keys 1 and 2 (as longs, as the keys of facts are compared) and each way of giving the elements
        Gates.Keys both = keys(1L, 2L);
        Gates.Keys one = keys(2L);
        Source source = new Source();

        // WHEN / THEN a list, an array, an iterator or one object is uncovered when an element is no key
        assertThat(each("list", Integer.class).uncovered(source, both)).isFalse();
        assertThat(each("list", Integer.class).uncovered(source, one)).isTrue();
        assertThat(each("array", Integer.class).uncovered(source, both)).isFalse();
        assertThat(each("array", Integer.class).uncovered(source, one)).isTrue();
        assertThat(each("iterator", Integer.class).uncovered(source, one)).isTrue();
        assertThat(each("single", Integer.class).uncovered(source, one)).isFalse();
        // no list, and elements that are null or not of the pattern's type, are no elements, as in Drools' `from`
        assertThat(each("nothing", Integer.class).uncovered(source, keys())).isFalse();
        assertThat(each("mixed", Long.class).uncovered(source, one)).isFalse();
        assertThat(each("mixed", Object.class).uncovered(source, one)).isTrue();
        // what cannot be told with certainty opens the gate: a decimal, a method that throws or is not there
        assertThat(each("decimals", Double.class).uncovered(source, keys(1L))).isTrue();
        assertThat(each("failing", Integer.class).uncovered(source, both)).isTrue();
        assertThat(each("absent", Integer.class).uncovered(source, both)).isTrue();
    }

    @Test
    void keysFindEveryMonthOfAYearAndGrow() {
        // GIVEN the months of two years, whose hash codes differ in their high bits only
        Gates.Keys keys = new Gates.Keys();
        List<YearMonth> months = new ArrayList<>();
        for (int m = 1; m <= 24; m++) {
            months.add(YearMonth.of(2023, 1).plusMonths(m - 1));
        }

        // WHEN all but the last are added, twice, then the set is emptied and refilled with one
        months.subList(0, 23).forEach(keys::add);
        months.subList(0, 23).forEach(keys::add);
        keys.add(null);

        // THEN each is found and the last is not; once emptied, only what is added again
        assertThat(months.subList(0, 23)).allSatisfy(m -> assertThat(keys.contains(m)).isTrue());
        assertThat(keys.contains(months.get(23))).isFalse();
        keys.clear();
        keys.add(months.get(5));
        assertThat(months).filteredOn(keys::contains).containsExactly(months.get(5));
    }

    private static Gates.Each each(String method, Class<?> elementType) {
        return new Gates.Each(method, null, elementType, null);
    }

    private static Gates.Keys keys(Object... values) {
        Gates.Keys keys = new Gates.Keys();
        for (Object value : values) {
            keys.add(value);
        }
        return keys;
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    /** The tiny rubric with these rules, ungated: a consequence that deletes a fact turns gating off. */
    private static Rubric ungated() {
        return Rubric.loader().trusted().fromString("ungated.drl", tinyWith(RULES + """
                rule "drop a counter"
                    @item("1")
                when
                    $c : Counter( n < 0 )
                then
                    delete($c);
                end
                """));
    }
}
