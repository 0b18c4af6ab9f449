package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.deductions;
import static io.github.rubric.rules.TestRubrics.lineOf;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static io.github.rubric.rules.TestRubrics.ungated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.rubric.model.fact.Complaint;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules whose whole condition is one {@code not} or one {@code List( !isEmpty ) from collect( … )} are evaluated only
 * when they can fire (see {@link RuleGate}): they score exactly as written, whichever facts come.
 */
class GatedRulesTest {
    private static final String RULES = """
            rule "1.2 a party lecture led by a leader"
                @item("1")
            when
                not Meeting( type == MeetingType.PARTY_LECTURE, ledBy == Role.LEADER )
            then
                score.deduct("1", "no party lecture led by a leader");
            end

            rule "1.3 verified complaints"
                @item("1")
            when
                $verified : List( !isEmpty ) from collect( Complaint( verified ) )
            then
                score.deductEach($verified.size(), "0.5", "verified complaints: {count}");
            end

            rule "1.5 everything the session holds"
                @item("1")
            when
                $all : List( size > 0 ) from collect( Object() )
            then
                score.deduct("0.1", "objects: " + $all.size());
            end

            rule "1.4 committee meetings in a month without a general meeting"
                @item("1")
            when
                $c : Meeting( type == MeetingType.COMMITTEE_MEETING )
                not Meeting( type == MeetingType.GENERAL_MEETING, monthOfDate == $c.monthOfDate )
            then
                score.deduct("0.5", "committee meeting in a month without a general meeting");
            end
            """;

    @Test
    void gatesTheRulesWhoseWholeConditionIsOneNotOrOneCollectOnly() {
        // GIVEN the tiny rubric (its own rule: List( size < 4 ) from collect) and the rules above (the last joins two
        // patterns, the one before collects every object)
        String text = tinyWith(RULES);

        // WHEN the rules to gate are planned
        Gates.Plan plan = Gates.plan(text);

        // THEN the not and the collects of one pattern are gated, each with its list's test, on the line of their
        // `when`, and no line moves
        assertThat(plan.gated()).containsExactly(
                new Gates.Planned("1 at least four general meetings", Gates.Kind.COLLECT, new Gates.SizeTest("<", 4)),
                new Gates.Planned("1.2 a party lecture led by a leader", Gates.Kind.NOT, null),
                new Gates.Planned("1.3 verified complaints", Gates.Kind.COLLECT, Gates.SizeTest.NOT_EMPTY),
                new Gates.Planned("1.5 everything the session holds", Gates.Kind.COLLECT, new Gates.SizeTest(">", 0)));
        assertThat(plan.text().lines().count()).isEqualTo(text.lines().count());
        assertThat(plan.text().lines().toList().get(lineOf(text, "not Meeting( type == MeetingType.PARTY_LECTURE") - 2))
                .isEqualTo("when io.github.rubric.rules.RuleGate( rule == 1 ) from entry-point \"rubric-gates\"");
    }

    @ParameterizedTest(name = "{0} complaints, the first listed twice: {1}")
    @CsvSource({"0, false", "1, false", "1, true", "2, false", "2, true", "3, false", "3, true", "4, false"})
    void aCollectGatedByItsListsSizeFiresExactlyWhenTheListPassesItsTest(int complaints, boolean twice) {
        // GIVEN rules that test the size of a collected list every way there is, gated, and the same rules ungated
        StringBuilder tests = new StringBuilder();
        for (String[] rule : new String[][] {
            {"at most 2", "$l : List( size <= 2 )", "\"at most 2: \" + $l.size()"},
            {"under 2", "$l : List( size < 2 )", "\"under 2: \" + $l.size()"},
            {"over 2", "$l : List( size > 2 )", "\"over 2: \" + $l.size()"},
            {"2 or more", "List( size >= 2 )", "\"2 or more\""},
            {"exactly 2", "$l : List( size == 2 )", "\"exactly 2\""},
            {"not 2", "$l : List( size != 2 )", "\"not 2: \" + $l.size()"},
        }) {
            tests.append("""
                    rule "%s"
                        @item("1")
                    when
                        %s from collect( Complaint() )
                    then
                        score.deduct("0.1", %s);
                    end
                    """.formatted(rule[0], rule[1], rule[2]));
        }
        Rubric gated = Rubric.fromString("gated.drl", tinyWith(tests.toString()));
        Rubric ungated = ungated(tests.toString());
        StringBuilder facts = new StringBuilder(FACTS);
        if (complaints > 0) {
            facts.append("complaints:\n");
            for (int i = 0; i < complaints; i++) {
                facts.append("  - { date: 2024-0").append(i + 1).append("-01, summary: 路灯, verified: true }\n");
            }
        }
        FactSet read = gated.readFacts("branch.yaml", facts.toString());
        List<Object> listed = new ArrayList<>(read.facts());
        if (twice) {
            // the same object a second time: one fact, as Drools itself takes it
            listed.add(listed.stream().filter(f -> f instanceof Complaint).findFirst().orElseThrow());
        }
        FactSet subject = new FactSet(read.source(), read.subject(), read.period(), read.round(), listed);

        // WHEN both score the facts, the gated one twice (the second time its gates go straight to their nodes)
        gated.score(subject);
        Scorecard a = gated.score(subject);
        Scorecard b = ungated.score(subject);

        // THEN the gated rules fire exactly as the ungated ones, the repeated object counted once
        assertThat(gated.gates()).hasSize(7).allSatisfy(gate -> assertThat(gate.input()).isNotNull());
        assertThat(deductions(a)).isEqualTo(deductions(b));
        assertThat(deductions(a)).anyMatch(d -> d.contains(complaints <= 2 ? "at most 2: " + complaints : "over 2: "
                + complaints));
    }

    @ParameterizedTest(name = "{0} democratic life meetings, {1} reports, {2} reports not accepted")
    @CsvSource({"0, 0, 0", "0, 1, 0", "1, 0, 0", "1, 1, 0", "2, 0, 1", "2, 2, 0", "1, 0, 2"})
    void anExistsThenANotIsEvaluatedOnlyWhenSomeFactReachedTheFirstAndNoneTheSecond(int meetings, int reports,
                                                                                  int notAccepted) {
        // GIVEN a rule whose condition is an exists then a not, gated, and the same rule ungated
        String rule = """
                rule "2 a report of each democratic life meeting"
                    @item("1")
                when
                    exists Meeting( type == MeetingType.DEMOCRATIC_LIFE_MEETING )
                    not Submission( kind == SubmissionKind.DEMOCRATIC_LIFE_REPORT, accepted )
                then
                    score.deduct("1", "a democratic life meeting without its report");
                end
                """;
        Rubric gated = Rubric.fromString("gated.drl", tinyWith(rule));
        Rubric ungated = ungated(rule);
        StringBuilder facts = new StringBuilder(FACTS);
        for (int i = 0; i < meetings; i++) {
            facts.append("  - { type: DEMOCRATIC_LIFE_MEETING, date: 2024-0%d-15 }\n".formatted(i + 1));
        }
        if (reports + notAccepted > 0) {
            facts.append("submissions:\n");
            for (int i = 0; i < reports + notAccepted; i++) {
                facts.append("  - { kind: DEMOCRATIC_LIFE_REPORT, date: 2024-0%d-20, accepted: %s }\n"
                        .formatted(i + 1, i < reports));
            }
        }

        // WHEN both score the facts, the gated one twice
        gated.score(gated.readFacts("branch.yaml", facts.toString()));
        Scorecard a = gated.score(gated.readFacts("branch.yaml", facts.toString()));
        Scorecard b = ungated.score(ungated.readFacts("branch.yaml", facts.toString()));

        // THEN the rule is gated by both its nodes, and fires exactly when a meeting was held and no report accepted
        assertThat(gated.gates()).filteredOn(g -> g.kind() == Gates.Kind.EXISTS_NOT).singleElement()
                .satisfies(g -> assertThat(g.input()).isNotNull())
                .satisfies(g -> assertThat(g.sources()).isNotNull());
        assertThat(deductions(a)).isEqualTo(deductions(b));
        assertThat(deductions(a)).filteredOn(d -> d.startsWith("2 ")).hasSize(meetings > 0 && reports == 0 ? 1 : 0);
    }

    @Test
    void gatesNoRuleWhenAConsequenceMayAddOrChangeFacts() {
        // GIVEN the same rules and one that inserts a fact
        String text = tinyWith(RULES + """
                rule "count"
                    @item("1")
                when
                    Meeting( type == MeetingType.GROUP_MEETING )
                then
                    insert(new Counter(1));
                end
                """);

        // WHEN / THEN nothing is gated: a rule closed for the facts that went in might fire after the insert
        assertThat(Gates.plan(text)).isSameAs(Gates.Plan.NONE);
    }

    @ParameterizedTest(name = "lecture by {0}, complaint verified {1}")
    @CsvSource({"LEADER, true", "LEADER, false", "MEMBER, true", "MEMBER, false"})
    void scoresAsTheRulesSayWhicheverGatesTheFactsOpen(String lecturer, boolean verified) {
        // GIVEN the rules gated, and the same rules ungated (a consequence that deletes a fact turns gating off)
        Rubric gated = Rubric.fromString("gated.drl", tinyWith(RULES));
        Rubric ungated = ungated(RULES);
        String facts = FACTS + """
                  - { type: PARTY_LECTURE, date: 2024-05-01, ledBy: %s }
                  - { type: COMMITTEE_MEETING, date: 2024-05-02 }
                complaints:
                  - { date: 2024-07-01, summary: 食堂, verified: %s }
                  - { date: 2024-08-01, summary: 路灯, verified: %s }
                """.formatted(lecturer, verified, verified);

        // WHEN both score the facts, the gated one twice (its first evaluation lets the gates in through Drools' own
        // insert, the next hands them straight to their rules' nodes), and the gated one explains them (every gate open)
        Scorecard first = gated.score(gated.readFacts("branch.yaml", facts));
        Scorecard a = gated.score(gated.readFacts("branch.yaml", facts));
        Scorecard b = ungated.score(ungated.readFacts("branch.yaml", facts));
        Evaluation c = gated.evaluate(gated.readFacts("branch.yaml", facts));

        // THEN all three give the same deductions, reasons and evidence, which never cite a gate
        List<String> expected = new ArrayList<>();
        if (!lecturer.equals("LEADER")) {
            expected.add("1.2 a party lecture led by a leader: no party lecture led by a leader -1 []");
        }
        if (verified) {
            expected.add("1.3 verified complaints: verified complaints: 2 -1 [complaints[0], complaints[1]]");
        }
        expected.add("1.4 committee meetings in a month without a general meeting: committee meeting in a month without"
                + " a general meeting -0.5 [meetings[5]]");
        assertThat(deductions(a).stream().filter(d -> !d.startsWith("1.5")).toList()).containsExactlyElementsOf(expected);
        // no gate among the objects a rule on Object() collects: the subject, the period, the round, eight facts
        assertThat(deductions(a)).anyMatch(d -> d.startsWith("1.5 everything the session holds: objects: 11 "));
        assertThat(deductions(first)).isEqualTo(deductions(a));
        assertThat(deductions(b)).isEqualTo(deductions(a));
        assertThat(deductions(c.scorecard())).isEqualTo(deductions(a));
        assertThat(c.firings()).containsEntry("1.2 a party lecture led by a leader", lecturer.equals("LEADER") ? 0 : 1)
                .containsEntry("1.3 verified complaints", verified ? 1 : 0);
        // the two rules are gated indeed, each by the node its facts reach
        assertThat(gated.gates()).hasSize(4).allSatisfy(gate -> assertThat(gate.input()).isNotNull());
        assertThat(ungated.gates()).isEmpty();
    }

    @Test
    void gatesNoRuleWhenRulesAreOrderedByAgendaOrActivationGroups() {
        // GIVEN the same rules and one in an activation group
        String text = tinyWith(RULES + """
                rule "first of two"
                    @item("1")
                    activation-group "one of"
                when
                    Meeting( type == MeetingType.GROUP_MEETING )
                then
                    score.deduct("1", "group meeting");
                end
                """);

        // WHEN / THEN nothing is gated: a gated rule is linked last, which would change the order within the group
        assertThat(Gates.plan(text)).isSameAs(Gates.Plan.NONE);
    }

    @Test
    void reportsAnErrorInAGatedRuleAtItsLineAsWritten() {
        // GIVEN a gated rule that tests a field meetings do not have
        String text = tinyWith(RULES.replace("ledBy == Role.LEADER", "leader == true"));

        // WHEN / THEN loading fails, naming the file and the line of the test
        assertThatExceptionOfType(RubricException.class)
                .isThrownBy(() -> Rubric.fromString("broken.drl", text))
                .withMessageContaining("broken.drl:" + lineOf(text, "leader == true"))
                .withMessageNotContaining("RuleGate");
    }
}
