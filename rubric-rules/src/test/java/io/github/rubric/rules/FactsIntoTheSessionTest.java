package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.deductions;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.result.Scorecard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a subject's facts get into the rule session when scoring: only those some rule can match, straight into the
 * rule network when no rule looks facts up by their object, through the session's store of objects when one
 * does; each object once either way.
 */
class FactsIntoTheSessionTest {
    /** Counts committee meetings and party lectures besides the tiny rubric's general meetings. */
    private static final String COUNTS_BY_TYPE = """
            rule "1.2 at least two committee meetings"
                @item("1")
            when
                $held : List( size < 2 ) from collect( Meeting( type == MeetingType.COMMITTEE_MEETING ) )
            then
                score.shortfall(2, $held, "1", "committee meetings held {actual}, required {required}");
            end

            rule "1.3 a party lecture led by a leader"
                @item("1")
            when
                not Meeting( type == MeetingType.PARTY_LECTURE, ledBy == Role.LEADER )
            then
                score.deduct("1", "no party lecture led by a leader");
            end

            rule "1.4 flawed records of general meetings"
                @item("1")
            when
                $m : Meeting( type == MeetingType.GENERAL_MEETING, recordFlaw != null )
            then
                score.deduct("0.5", "flawed record: " + $m.recordFlaw());
            end
            """;

    @Test
    void scoresTheSameWhetherFactsGoStraightIntoTheNetworkOrThroughTheStore() {
        // GIVEN the same rules twice, once with a consequence that looks a fact up by its object (a delete of a
        // fact no rule matches), which sends facts through the session's store of objects
        String facts = FACTS.replace("- { type: GENERAL_MEETING, date: 2024-03-01 }",
                "- { type: GENERAL_MEETING, date: 2024-03-01, recordFlaw: 无签到 }") + """
                  - { type: COMMITTEE_MEETING, date: 2024-04-01 }
                  - { type: PARTY_LECTURE, date: 2024-05-01, ledBy: MEMBER }
                  - { type: GROUP_MEETING, date: 2024-05-02 }
                """;
        Rubric straight = Rubric.fromString("straight.drl", tinyWith(COUNTS_BY_TYPE));
        Rubric stored = TestRubrics.ungated(COUNTS_BY_TYPE);

        // WHEN both score the facts
        Scorecard a = straight.score(straight.readFacts("branch.yaml", facts));
        Scorecard b = stored.score(stored.readFacts("branch.yaml", facts));

        // THEN the deductions, their reasons and evidence are the same
        assertThat(RubricCompiler.prepare(RubricSource.of("straight.drl", tinyWith(COUNTS_BY_TYPE))).factsLookedUp()).isFalse();
        assertThat(deductions(a)).containsExactly(
                "1.2 at least two committee meetings: committee meetings held 1, required 2 -1 [meetings[4]]",
                "1.3 a party lecture led by a leader: no party lecture led by a leader -1 []",
                "1.4 flawed records of general meetings: flawed record: 无签到 -0.5 [meetings[0]]");
        assertThat(deductions(b)).isEqualTo(deductions(a));
        assertThat(a.total()).isEqualByComparingTo(b.total()).isEqualByComparingTo("7.5");
    }

    @Test
    void deletesAFactARuleMatchedWhenTheRubricLooksFactsUp() {
        // GIVEN a rule that removes general meetings held before April, so they do not count
        Rubric rubric = Rubric.loader().trusted().fromString("deletes.drl", tinyWith("""
                rule "only meetings from April count"
                    @item("1")
                    salience 10
                when
                    $m : Meeting( type == MeetingType.GENERAL_MEETING, date.getMonthValue() < 4 )
                then
                    delete($m);
                end
                """));

        // WHEN facts with one general meeting in March are scored
        Scorecard card = rubric.score(rubric.readFacts("branch.yaml", FACTS));

        // THEN the March meeting no longer counts
        assertThat(deductions(card)).containsExactly("1 at least four general meetings: held 3, required 4 -1 [meetings[1], "
                + "meetings[2], meetings[3]]");
    }

    @ParameterizedTest(name = "with a delete: {0}")
    @ValueSource(booleans = {false, true})
    void countsAnObjectListedTwiceOnce(boolean lookedUp) {
        // GIVEN facts that list the same meeting object twice, and an equal meeting that is another object
        String extra = lookedUp ? "rule \"drop\" @item(\"1\") when $c : Counter( n < 0 ) then delete($c); end" : "";
        Rubric rubric = Rubric.loader().trusted().fromString("twice.drl", tinyWith(extra));
        FactSet read = rubric.readFacts("branch.yaml", """
                subject: { id: branch, name: Branch, type: PARTY_BRANCH }
                period: 2024
                meetings:
                  - { type: GENERAL_MEETING, date: 2024-03-01 }
                  - { type: GENERAL_MEETING, date: 2024-06-01 }
                """);
        Meeting first = (Meeting) read.facts().get(0);
        List<Object> facts = new ArrayList<>(read.facts());
        facts.add(first);
        facts.add(new Meeting("m9", MeetingType.GENERAL_MEETING, first.date(), null, null, List.of(), null, null, null));
        FactSet twice = new FactSet(read.source(), read.subject(), read.period(), read.round(), facts);

        // WHEN scored
        Scorecard card = rubric.score(twice);

        // THEN the object listed twice counts once, the equal but distinct meeting counts too: three meetings
        assertThat(deductions(card)).containsExactly(
                "1 at least four general meetings: held 3, required 4 -1 [m9, meetings[0], meetings[1]]");
    }

    @Test
    void findsNoLookupInCommentsOrStrings() {
        // GIVEN rules that mention delete and modify only in a comment and a string
        String text = tinyWith("""
                // delete($m) would be wrong here; so would modify($m)
                rule "mentions"
                    @item("1")
                when
                    Meeting( type == MeetingType.GROUP_MEETING )
                then
                    score.deduct("1", "update the ledger");
                end
                """);

        // WHEN / THEN
        assertThat(RubricCompiler.prepare(RubricSource.of("mentions.drl", text)).factsLookedUp()).isFalse();
        assertThat(RubricCompiler.prepare(RubricSource.of("uses.drl", text.replace("score.deduct(\"1\", \"update the ledger\");",
                "drools.getKieRuntime();"))).factsLookedUp()).isTrue();
    }
}
