package io.github.rubric.rules;

import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.Scorecard;
import java.util.ArrayList;
import java.util.List;

/** A small rubric to test against, and ways to add rules to it. */
final class TestRubrics {
    /** One item, scored by one rule; a declared type {@code Counter} for the tests' own rules. */
    static final String TINY = """
            /*---
            id: tiny
            title: Tiny rubric
            version: "1"
            totalPoints: 10
            sections:
              - id: s
                title: Section
                maxPoints: 10
                items:
                  - { id: "1", title: Meetings, maxPoints: 10, requirement: at least four meetings, criteria: 1 point for each missing }
            ---*/
            package tiny;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            declare Counter
                n : int
            end

            rule "1 at least four general meetings"
                @item("1")
            when
                $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                score.shortfall(4, $held, "1", "held {actual}, required {required}");
            end
            """;

    /** Facts with four general meetings, so the rubric's own rule does not fire. */
    static final String FACTS = """
            subject: { id: branch, name: Branch, type: PARTY_BRANCH }
            period: 2024
            meetings:
              - { type: GENERAL_MEETING, date: 2024-03-01 }
              - { type: GENERAL_MEETING, date: 2024-06-01 }
              - { type: GENERAL_MEETING, date: 2024-09-01 }
              - { type: GENERAL_MEETING, date: 2024-12-01 }
            """;

    private TestRubrics() {
    }

    /**
     * @param drl more DRL: rules, functions, declarations
     * @return the tiny rubric with it appended
     */
    static String tinyWith(String drl) {
        return TINY + "\n" + drl + "\n";
    }

    /**
     * @param drl more DRL: rules, functions, declarations
     * @return the tiny rubric with it appended, trusted, and with a rule whose consequence deletes a fact: no rule of it
     *     is gated, and every fact goes through Drools' own insert and store
     */
    static Rubric ungated(String drl) {
        return Rubric.loader().trusted().fromString("ungated.drl", tinyWith(drl + """
                rule "drop a counter"
                    @item("1")
                when
                    $c : Counter( n < 0 )
                then
                    delete($c);
                end
                """));
    }

    /**
     * @param counters how many {@code Counter} records
     * @return the facts with that many counters, each with n = 0
     */
    static String factsWithCounters(int counters) {
        StringBuilder facts = new StringBuilder(FACTS).append("records:\n  Counter:\n");
        for (int i = 0; i < counters; i++) {
            facts.append("    - { n: 0 }\n");
        }
        return facts.toString();
    }

    /**
     * @param card a scorecard
     * @return its deductions, one line each: rule, reason, points and the ids of the evidence
     */
    static List<String> deductions(Scorecard card) {
        List<String> lines = new ArrayList<>();
        card.sections().forEach(s -> s.items().forEach(i -> {
            for (Deduction d : i.deductions()) {
                lines.add(d.rule() + ": " + d.reason() + " -" + d.points().toPlainString() + " "
                        + d.evidence().stream().map(Evidence::id).toList());
            }
        }));
        return lines;
    }

    /**
     * @param text a file's text
     * @param fragment text on one of its lines
     * @return the 1-based line of the fragment's first occurrence
     */
    static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        if (at < 0) {
            throw new IllegalArgumentException("'" + fragment + "' is not in the text");
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
