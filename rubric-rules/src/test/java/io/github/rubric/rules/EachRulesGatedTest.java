package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.deductions;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static io.github.rubric.rules.TestRubrics.ungated;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.result.Scorecard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
public class EachRulesGatedTest {
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
                        new Gates.EachText("$p", "months", "$m", false, null)),
                new Gates.Planned("3 a party lecture every quarter", Gates.Kind.EACH, null,
                        new Gates.EachText("$p", "quarters", "$q", false, null)),
                new Gates.Planned("4 a group meeting every quarter", Gates.Kind.EACH, null,
                        new Gates.EachText("$p", "quarters", "$q", false, null)),
                new Gates.Planned("6 a plan and a summary", Gates.Kind.EACH, null,
                        new Gates.EachText(null, null, "$kind", true,
                        List.of("DocumentKind.WORK_PLAN", "DocumentKind.WORK_SUMMARY"))),
                new Gates.Planned("5 a report every quarter", Gates.Kind.EACH, null,
                        new Gates.EachText("$p", "quarters", "$q", false, null)));
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
        Rubric ungated = ungated(RULES);
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

        // WHEN both score the facts, the gated one twice (the second in a session used before), the gated one
        // explains them (every gate open), and the same rules gated score them in a thread-safe session (a trusted
        // rubric's, where the facts go in through Drools' own insert and nothing is kept back)
        Scorecard first = gated.score(gated.readFacts("branch.yaml", facts.toString()));
        Scorecard a = gated.score(gated.readFacts("branch.yaml", facts.toString()));
        Scorecard b = ungated.score(ungated.readFacts("branch.yaml", facts.toString()));
        Evaluation c = gated.evaluate(gated.readFacts("branch.yaml", facts.toString()));
        Rubric trusted = Rubric.loader().trusted().fromString("trusted.drl", tinyWith(RULES));
        Scorecard threadSafe = trusted.score(trusted.readFacts("branch.yaml", facts.toString()));

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
        assertThat(deductions(threadSafe)).isEqualTo(deductions(a));
        // the five rules are gated indeed, each with its inputs
        assertThat(gated.gates()).filteredOn(g -> g.kind() == Gates.Kind.EACH).hasSize(5)
                .allSatisfy(g -> assertThat(g.input()).isNotNull())
                .allSatisfy(g -> assertThat(g.each()).isNotNull());
    }

    @Test
    void aMeetingListedTwiceIsOneFactAndCoversItsMonthOnce() {
        // GIVEN the rules gated and ungated, and facts that list each month's committee meeting twice, as one object
        Rubric gated = Rubric.fromString("gated.drl", tinyWith(RULES));
        Rubric ungated = ungated(RULES);
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

    /** A source that is not one of the library's facts: its methods could give another list when called again. */
    public static final class Source {
        public List<Integer> quarters() {
            return List.of(1, 2, 3, 4);
        }
    }

    @Test
    void readsTheListsOfTheLibrarysOwnFactsOnlyAndOpensWhenUnsure() {
        // GIVEN the months of 2024 as keys, the same but December, and the period of 2024
        Gates.Keys twelveMonths = keys();
        Gates.Keys elevenMonths = keys();
        for (int m = 1; m <= 12; m++) {
            twelveMonths.add(YearMonth.of(2024, m));
            if (m < 12) {
                elevenMonths.add(YearMonth.of(2024, m));
            }
        }
        AssessmentPeriod period = AssessmentPeriod.ofYear(2024);

        // WHEN / THEN the period's months are uncovered exactly when a month is no key
        assertThat(each("months", YearMonth.class).uncovered(period, twelveMonths)).isFalse();
        assertThat(each("months", YearMonth.class).uncovered(period, elevenMonths)).isTrue();
        // elements not of the pattern's type are no elements, as in Drools' `from`
        assertThat(each("months", String.class).uncovered(period, keys())).isFalse();
        // what cannot be told with certainty opens the gate: a source that is not a library fact, a method that is not
        // there, a result that is not a list (one object)
        assertThat(each("quarters", Integer.class).uncovered(new Source(), keys(1, 2, 3, 4))).isTrue();
        assertThat(each("weeks", Integer.class).uncovered(period, keys())).isTrue();
        assertThat(each("year", Integer.class).uncovered(period, keys(2024))).isTrue();
    }

    @ParameterizedTest(name = "a key declared {0}, the elements {1}")
    @CsvSource(delimiter = ';', value = {
        "byte; $p : AssessmentPeriod() $q : Integer() from $p.quarters()",
        "long; $p : AssessmentPeriod() $q : Integer() from $p.quarters()",
        "int; $p : AssessmentPeriod() $q : Integer() from $p.quarters()",
        "Object; $q : Long() from [ 1L, 2L, 3L, 4L ]",
        "Object; $q : Integer() from [ 1, 2, 3, 4 ]",
        "long; $q : Long() from [ 1L, 2L, 3L, 4L ]",
    })
    void aKeyIsAnElementAsDroolsComparesThemWhateverTheirIntegerTypes(String keyType, String list) {
        // GIVEN a not for each element whose key is declared one integer type and whose elements are another (Drools'
        // indexed == takes the element as the key's type: a byte key is no Integer, an Object key holding an Integer no
        // Long), gated and ungated, and a record for every quarter
        String rules = """
                declare Tally
                    quarter : %s
                end

                rule "q a tally every quarter"
                    @item("1")
                when
                    %s
                    not Tally( quarter == $q )
                then
                    score.deduct("1", "no tally for quarter " + $q);
                end
                """.formatted(keyType, list);
        Rubric gated = Rubric.fromString("gated.drl", tinyWith(rules));
        Rubric ungated = ungated(rules);
        String facts = FACTS + "records:\n  Tally:\n    - { quarter: 1 }\n    - { quarter: 2 }\n"
                + "    - { quarter: 3 }\n    - { quarter: 4 }\n";

        // WHEN both score it, the gated one twice
        gated.score(gated.readFacts("branch.yaml", facts));
        Scorecard a = gated.score(gated.readFacts("branch.yaml", facts));
        Scorecard b = ungated.score(ungated.readFacts("branch.yaml", facts));

        // THEN the gated rule deducts exactly what the ungated one does
        assertThat(gated.gates()).anyMatch(g -> g.each() != null);
        assertThat(deductions(a)).isEqualTo(deductions(b));
    }

    /** A value a rubric names as {@code Holder.current}: public and static, but not final. */
    public static final class Holder {
        public static String current = "A";
    }

    @Test
    void aQualifiedNameThatIsNoEnumConstantIsReadAtEveryEvaluation() {
        // GIVEN a not for each of a list that names a static field, which may change between evaluations
        String rules = """
                import io.github.rubric.rules.EachRulesGatedTest.Holder;

                declare Label
                    name : String
                end

                rule "l the current label"
                    @item("1")
                when
                    $k : String() from [ Holder.current ]
                    not Label( name == $k )
                then
                    score.deduct("1", "no label " + $k);
                end
                """;
        Rubric gated = confined(tinyWith(rules));
        Rubric ungated = ungated(rules);
        String facts = FACTS + "records:\n  Label:\n    - { name: A }\n";
        try {
            // WHEN the gated one scores twice, then the field changes and both score
            gated.score(gated.readFacts("branch.yaml", facts));
            gated.score(gated.readFacts("branch.yaml", facts));
            Holder.current = "B";
            Scorecard a = gated.score(gated.readFacts("branch.yaml", facts));
            Scorecard b = ungated.score(ungated.readFacts("branch.yaml", facts));

            // THEN the gated rule sees the new value, as the ungated one does
            assertThat(gated.gates()).anyMatch(g -> g.each() != null);
            assertThat(deductions(a)).containsExactly("l the current label: no label B -1 []");
            assertThat(deductions(b)).isEqualTo(deductions(a));
        } finally {
            Holder.current = "A";
        }
    }

    /** A class named like an enum, whose field is named like one of its constants but may change. */
    public static final class DayOfWeek {
        public static java.time.DayOfWeek MONDAY = java.time.DayOfWeek.MONDAY;
    }

    @Test
    void aFieldNamedLikeAnEnumConstantIsReadAtEveryEvaluation() {
        // GIVEN a not for each of a list that names a static field holding an enum constant of the same name
        String rules = """
                import io.github.rubric.rules.EachRulesGatedTest.DayOfWeek;

                declare Shift
                    day : java.time.DayOfWeek
                end

                rule "s a shift on the day"
                    @item("1")
                when
                    $day : Object() from [ DayOfWeek.MONDAY ]
                    not Shift( day == $day )
                then
                    score.deduct("1", "no shift on " + $day);
                end
                """;
        Rubric gated = confined(tinyWith(rules));
        Rubric ungated = ungated(rules);
        String facts = FACTS + "records:\n  Shift:\n    - { day: MONDAY }\n";
        try {
            // WHEN the gated one scores twice, then the field changes and both score
            gated.score(gated.readFacts("branch.yaml", facts));
            gated.score(gated.readFacts("branch.yaml", facts));
            DayOfWeek.MONDAY = java.time.DayOfWeek.TUESDAY;
            Scorecard a = gated.score(gated.readFacts("branch.yaml", facts));
            Scorecard b = ungated.score(ungated.readFacts("branch.yaml", facts));

            // THEN the gated rule sees the new value, as the ungated one does
            assertThat(gated.gates()).anyMatch(g -> g.each() != null);
            assertThat(deductions(a)).containsExactly("s a shift on the day: no shift on TUESDAY -1 []");
            assertThat(deductions(b)).isEqualTo(deductions(a));
        } finally {
            DayOfWeek.MONDAY = java.time.DayOfWeek.MONDAY;
        }
    }

    /** A source that hands out one iterator, which Drools' {@code from} reads once. */
    public static final class Batches {
        private final Iterator<Integer> quarters = List.of(1, 2, 3, 4).iterator();

        public Object quarters() {
            return quarters;
        }
    }

    /** A source whose list cannot be iterated. */
    public static final class Broken {
        public Iterable<Integer> quarters() {
            return () -> {
                throw new IllegalStateException("cannot iterate");
            };
        }
    }

    @Test
    void aSourceThatIsNoLibraryFactIsLeftToDrools() {
        // GIVEN a not for each quarter a stateful source hands out, gated and ungated, and one whose list fails
        String rules = """
                import io.github.rubric.rules.EachRulesGatedTest.Batches;
                import io.github.rubric.rules.EachRulesGatedTest.Broken;

                rule "b a lecture every batch"
                    @item("1")
                when
                    $b : Batches()
                    $q : Integer() from $b.quarters()
                    not Meeting( type == MeetingType.PARTY_LECTURE, quarterOfDate == $q )
                then
                    score.deduct("1", "no lecture in batch " + $q);
                end

                rule "x broken"
                    @item("1")
                when
                    $b : Broken()
                    $q : Integer() from $b.quarters()
                    not Meeting( type == MeetingType.PARTY_LECTURE, quarterOfDate == $q )
                then
                    score.deduct("1", "no lecture in " + $q);
                end
                """;
        Rubric gated = confined(tinyWith(rules));
        Rubric ungated = ungated(rules);
        FactSet read = gated.readFacts("branch.yaml", FACTS);

        // WHEN both score the facts with a new source, the gated one twice; then the gated one with a broken source,
        // twice
        List<List<String>> scored = new ArrayList<>();
        for (Rubric rubric : List.of(gated, gated, ungated)) {
            scored.add(deductions(rubric.score(with(read, new Batches()))));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try {
                gated.score(with(read, new Broken()));
                failures.add("no failure");
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }

        // THEN the gate never reads the iterator Drools then reads, and the failure is Drools' own, each time
        assertThat(scored.get(0)).hasSize(4).isEqualTo(scored.get(1)).isEqualTo(scored.get(2));
        assertThat(failures.get(0)).contains("cannot iterate").isEqualTo(failures.get(1));
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
        return new Gates.Each(method, null, null, elementType, null);
    }

    private static FactSet with(FactSet facts, Object more) {
        List<Object> listed = new ArrayList<>(facts.facts());
        listed.add(more);
        return new FactSet(facts.source(), facts.subject(), facts.period(), facts.round(), listed);
    }

    /** A rubric from the class path, which may import this test's classes and is scored on the caller's thread. */
    private static Rubric confined(String text) {
        ClassLoader old = Thread.currentThread().getContextClassLoader();
        try {
            Path dir = Files.createTempDirectory("each-rules");
            Files.writeString(dir.resolve("gated.drl"), text);
            Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[] {dir.toUri().toURL()}, old));
            return Rubric.fromClasspath("gated.drl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(old);
        }
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

}
