package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rubric.model.fact.AssessmentPeriod;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Meeting;
import io.github.rubric.model.fact.MeetingType;
import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.OrganizationType;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Scorecard;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading facts files: a good file becomes facts with ids; every kind of bad input fails with a
 * {@link FactsException} that names the file, the line, the field's path and what was expected.
 */
class FactsReadingTest {
    private static final String RUBRIC = """
            /*---
            id: facts-test
            title: 事实文件测试细则
            version: "1"
            totalPoints: 10
            sections:
              - id: all
                title: 全部
                maxPoints: 10
                items:
                  - { id: "1", title: 三会一课, maxPoints: 6 }
                  - { id: "4", title: 班子建设, maxPoints: 4 }
            ---*/
            package test.facts;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            declare Leadership
                complete : boolean
                vacancies : int
            end

            rule "1 全年召开党员大会不少于4次，每少1次扣1分"
                @item("1")
            when
                $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                score.shortfall(4, $held, "1", "全年召开党员大会{actual}次，扣{points}分");
            end

            rule "4 班子不健全的扣1分"
                @item("4")
            when
                Leadership( !complete || vacancies > 0 )
            then
                score.deduct("1", "班子不健全，扣{points}分");
            end
            """;

    /** A rubric with items an assessor scores: 2 by points (酌情评分), 3 by grade. */
    private static final String JUDGED_RUBRIC = """
            /*---
            id: judged-test
            title: 评定测试细则
            version: "1"
            totalPoints: 16
            sections:
              - id: all
                title: 全部
                maxPoints: 16
                items:
                  - { id: "1", title: 三会一课, maxPoints: 6 }
                  - { id: "2", title: 作风建设, maxPoints: 5, discretionary: true }
                  - { id: "3", title: 联系服务群众, maxPoints: 5, grades: [ { name: 较好, points: 5 }, { name: 一般, points: 2 } ] }
            ---*/
            package test.judged;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "1 全年召开党员大会不少于4次，每少1次扣1分"
                @item("1")
            when
                $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                score.shortfall(4, $held, "1", "全年召开党员大会{actual}次，扣{points}分");
            end
            """;

    private static final Rubric FACTS_RUBRIC = Rubric.fromString("facts-test.drl", RUBRIC);
    private static final Rubric JUDGED = Rubric.fromString("judged-test.drl", JUDGED_RUBRIC);

    private static final String SUBJECT = "subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }\n";

    @Test
    void readsTheSubjectThePeriodAndTheFactsGivingEachFactWithoutAnIdItsPath() {
        // GIVEN a facts file with a year as period, no round, and one meeting with an id and one without
        String yaml = SUBJECT + """
                period: 2024
                meetings:
                  - { id: m-march, type: GENERAL_MEETING, date: 2024-03-12 }
                  - { type: COMMITTEE_MEETING, date: 2024-04-02, attended: 5, expected: 5 }
                records:
                  Leadership:
                    - { complete: true, vacancies: 0 }
                """;

        // WHEN it is read
        FactSet facts = FACTS_RUBRIC.readFacts("branch.yaml", yaml);

        // THEN the subject, the whole year, the default round and the facts are there, in file order
        assertThat(facts.source()).isEqualTo("branch.yaml");
        assertThat(facts.subject()).isEqualTo(new Organization("b1", "测试党支部", OrganizationType.PARTY_BRANCH, null));
        assertThat(facts.period()).isEqualTo(AssessmentPeriod.ofYear(2024));
        assertThat(facts.round()).isEqualTo(Round.REVIEW);
        assertThat(facts.facts()).hasSize(3);
        assertThat(facts.facts().get(0)).isEqualTo(Meeting.of("m-march", MeetingType.GENERAL_MEETING, LocalDate.of(2024, 3, 12)));
        assertThat(((Meeting) facts.facts().get(1)).id()).isEqualTo("meetings[1]");
        assertThat(((Meeting) facts.facts().get(1)).attended()).isEqualTo(5);
        assertThat(facts.facts().get(2).getClass().getSimpleName()).isEqualTo("Leadership");
    }

    @Test
    void readsAJsonFactsFileLikeTheSameFactsInYaml() {
        // GIVEN the same facts as YAML and as JSON
        String yaml = SUBJECT + """
                period: { start: 2024-01-01, end: 2024-12-31 }
                round: SELF
                meetings:
                  - { type: GENERAL_MEETING, date: 2024-03-12 }
                """;
        String json = """
                {
                  "subject": { "kind": "organization", "id": "b1", "name": "测试党支部", "type": "PARTY_BRANCH" },
                  "period": { "start": "2024-01-01", "end": "2024-12-31" },
                  "round": "SELF",
                  "meetings": [ { "type": "GENERAL_MEETING", "date": "2024-03-12" } ]
                }
                """;

        // WHEN both are scored
        Scorecard fromYaml = FACTS_RUBRIC.score(FACTS_RUBRIC.readFacts("branch", yaml));
        Scorecard fromJson = FACTS_RUBRIC.score(FACTS_RUBRIC.readFacts("branch.json", json));

        // THEN they give the same scorecard, but for the source's name
        assertThat(fromJson.source()).isEqualTo("branch.json");
        assertThat(fromJson.round()).isEqualTo("SELF");
        assertThat(fromJson.total()).isEqualByComparingTo("7");
        assertThat(Scorecards.toJson(fromJson).replace("branch.json", "branch")).isEqualTo(Scorecards.toJson(fromYaml));
    }

    @Test
    void readsAListFieldWithoutEntriesAndAnOptionalFieldWithoutValueAsAbsent() {
        // GIVEN a facts file whose submissions key has no entries and whose meeting has an empty topic
        String yaml = SUBJECT + """
                period: 2024
                meetings:
                  - type: GENERAL_MEETING
                    date: 2024-03-12
                    topic:
                submissions:
                """;

        // WHEN it is read
        FactSet facts = FACTS_RUBRIC.readFacts("branch.yaml", yaml);

        // THEN there are no submissions and the meeting has no topic
        assertThat(facts.facts()).singleElement().isEqualTo(Meeting.of("meetings[0]", MeetingType.GENERAL_MEETING,
                LocalDate.of(2024, 3, 12)));
    }

    @Test
    void acceptsAFourthQuarterDuesRemittanceMadeInTheFollowingJanuary() {
        // GIVEN a remittance for the fourth quarter dated after the period, within three months
        String yaml = SUBJECT + """
                period: 2024
                duesRemittances:
                  - { quarter: 4, amount: 400.00, date: 2025-01-10 }
                """;

        // WHEN it is read
        FactSet facts = FACTS_RUBRIC.readFacts("branch.yaml", yaml);

        // THEN it is accepted
        assertThat(facts.facts()).hasSize(1);
    }

    static Stream<Arguments> badFacts() {
        return Stream.of(
                bad("an unknown top-level field", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meeting:
                          - { type: GENERAL_MEETING, date: 2024-03-12 }
                        """, 3, "meeting", "unknown field 'meeting'; expected one of: subject, period, round, meetings,"),
                bad("an unknown field of a fact", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 2024-03-12, place: 会议室 }
                        """, 4, "meetings[0].place", "unknown field 'place'; expected one of: absentees, attended, date,"
                        + " expected, id, ledBy, recordFlaw, topic, type"),
                bad("a misspelt required field of a fact", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { typ: GENERAL_MEETING, date: 2024-03-12 }
                        """, 4, "meetings[0].typ", "unknown field 'typ'; expected one of: absentees, attended, date,"),
                bad("an unknown meeting type", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 2024-03-12 }
                          - { type: BRANCH_MEETING, date: 2024-03-19 }
                        """, 5, "meetings[1].type", "unknown value 'BRANCH_MEETING'; expected one of: GENERAL_MEETING,"
                        + " COMMITTEE_MEETING, GROUP_MEETING, PARTY_LECTURE,"),
                bad("an unknown organisation type", FACTS_RUBRIC, "branch.yaml", """
                        period: 2024
                        subject:
                          kind: organization
                          id: b1
                          name: 测试党支部
                          type: BRANCH
                        """, 6, "subject.type", "unknown value 'BRANCH'; expected one of: PARTY_BRANCH,"),
                bad("a date that does not exist", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 2024-02-30 }
                        """, 4, "meetings[0].date", "'2024-02-30' is not a date (YYYY-MM-DD)"),
                bad("a date in another format", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 12/03/2024 }
                        """, 4, "meetings[0].date", "'12/03/2024' is not a date (YYYY-MM-DD)"),
                bad("a date outside the period", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 2023-12-31 }
                        """, 4, "meetings[0].date", "date 2023-12-31 is outside the assessment period 2024-01-01 to 2024-12-31"),
                bad("a fourth-quarter remittance more than three months late", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        duesRemittances:
                          - { quarter: 4, amount: 400.00, date: 2025-04-01 }
                        """, 4, "duesRemittances[0].date", "date 2025-04-01 is outside the assessment period 2024-01-01 to 2025-03-31"),
                bad("a negative count", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: DEMOCRATIC_LIFE_MEETING, date: 2024-12-20, attended: -1, expected: 5 }
                        """, 4, "meetings[0].attended", "must not be negative, was -1"),
                bad("a count that is not a number", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: DEMOCRATIC_LIFE_MEETING, date: 2024-12-20, attended: 全体 }
                        """, 4, "meetings[0].attended", "'全体' is not a whole number"),
                bad("a duplicate key", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - type: GENERAL_MEETING
                            date: 2024-03-12
                            date: 2024-03-13
                        """, 6, "meetings[0].date", "malformed YAML: Duplicate field 'date'"),
                bad("a duplicate id", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { id: m1, type: GENERAL_MEETING, date: 2024-03-12 }
                        submissions:
                          - { id: m1, kind: INFORMATION_REPORT, date: 2024-03-20, accepted: true }
                        """, 6, "submissions[0].id", "id 'm1' is used twice; ids must be unique in a facts file"),
                bad("a missing required field of a fact", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING }
                        """, 4, "meetings[0].date", "is required"),
                bad("a missing boolean whose absence would be ambiguous", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        submissions:
                          - { kind: INFORMATION_REPORT, date: 2024-03-20 }
                        """, 4, "submissions[0].accepted", "is required"),
                bad("a missing subject", FACTS_RUBRIC, "branch.yaml", """
                        period: 2024
                        meetings: []
                        """, 1, "subject", "is required"),
                bad("an unknown records type", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        records:
                          Leadershp:
                            - { complete: true, vacancies: 0 }
                        """, 4, "records.Leadershp", "unknown record type 'Leadershp'; the rubric declares: Leadership"),
                bad("a library fact kind given under records", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        records:
                          Meeting:
                            - { type: GENERAL_MEETING, date: 2024-03-12 }
                        """, 4, "records.Meeting", "unknown record type 'Meeting'; the rubric declares: Leadership"),
                bad("an unknown field of a declared record", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        records:
                          Leadership:
                            - { complete: true, vacancies: 0, size: 5 }
                        """, 5, "records.Leadership[0].size", "unknown field 'size' of Leadership; expected one of: complete, vacancies"),
                bad("a missing field of a declared record", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        records:
                          Leadership:
                            - complete: true
                        """, 5, "records.Leadership[0]", "missing field vacancies of Leadership; every field of a declared record must be given"),
                bad("a negative count in a declared record", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        records:
                          Leadership:
                            - complete: true
                              vacancies: -2
                        """, 6, "records.Leadership[0].vacancies", "must not be negative, was -2"),
                bad("malformed YAML", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 2024-03-12
                          - { type: GENERAL_MEETING, date: 2024-06-12 }
                        """, 5, "meetings[0].date", "malformed YAML:"),
                bad("an unknown field in a JSON facts file", FACTS_RUBRIC, "branch.json", """
                        {
                          "subject": { "kind": "organization", "id": "b1", "name": "测试党支部", "type": "PARTY_BRANCH" },
                          "period": 2024,
                          "meetings": [
                            { "type": "GENERAL_MEETING", "date": "2024-03-12", "place": "会议室" }
                          ]
                        }
                        """, 5, "meetings[0].place", "unknown field 'place'"),
                bad("malformed JSON", FACTS_RUBRIC, "branch.json", """
                        {
                          "subject": { "kind": "organization", "id": "b1", "name": "测试党支部", "type": "PARTY_BRANCH" },
                          "period": 2024,
                          "meetings": [ { "type": "GENERAL_MEETING", "date": "2024-03-12" }, ]
                        }
                        """, 4, "meetings[1]", "malformed JSON:"),
                bad("a judgement for an unknown item", JUDGED, "branch.yaml", SUBJECT + """
                        period: 2024
                        judgements:
                          - { item: "2", points: 4 }
                          - { item: "3", grade: 较好 }
                          - { item: "9", points: 3 }
                        """, 6, "judgements[2].item", "item '9' is not in rubric judged-test; items: 1, 2, 3"),
                bad("a discretionary item without a judgement", JUDGED, "branch.yaml", SUBJECT + """
                        period: 2024
                        judgements:
                          - { item: "3", grade: 一般 }
                        """, 3, "judgements", "item '2' (作风建设) needs an assessor's points (酌情评分), from 0 to 5;"
                        + " add a judgement for it"),
                bad("discretionary points above the item's maximum", JUDGED, "branch.yaml", SUBJECT + """
                        period: 2024
                        judgements:
                          - { item: "3", grade: 一般 }
                          - { id: j-2, item: "2", points: 5.5 }
                        """, 5, "judgements[1].points", "must be from 0 to 5 for item '2', was 5.5"),
                bad("negative discretionary points", JUDGED, "branch.yaml", SUBJECT + """
                        period: 2024
                        judgements:
                          - { item: "3", grade: 一般 }
                          - { item: "2", points: -1 }
                        """, 5, "judgements[1].points", "must not be negative, was -1"),
                bad("an unknown grade", JUDGED, "branch.yaml", SUBJECT + """
                        period: 2024
                        judgements:
                          - { item: "2", points: 4 }
                          - { item: "3", grade: 优秀 }
                        """, 5, "judgements[1].grade", "unknown grade '优秀' for item '3'; expected one of 较好 (5), 一般 (2)"),
                bad("a judgement for an item its rules score", JUDGED, "branch.yaml", SUBJECT + """
                        period: 2024
                        judgements:
                          - { item: "2", points: 4 }
                          - { item: "3", grade: 较好 }
                          - { item: "1", points: 6 }
                        """, 6, "judgements[2].item", "item '1' (三会一课) is scored by its rules; judgements are for"
                        + " discretionary or graded items"),
                bad("an empty entry in a list of names", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 2024-03-12 }
                          - type: DEMOCRATIC_LIFE_MEETING
                            date: 2024-06-12
                            absentees: [ 张三, null ]
                        """, 7, "meetings[1].absentees[1]", "is empty; expected a value"),
                bad("an empty entry in a list of facts", FACTS_RUBRIC, "branch.yaml", SUBJECT + """
                        period: 2024
                        meetings:
                          - { type: GENERAL_MEETING, date: 2024-03-12 }
                          -
                        """, 5, "meetings[1]", "expected"),
                bad("an item judged twice", JUDGED, "branch.yaml", SUBJECT + """
                        period: 2024
                        judgements:
                          - { item: "2", points: 4 }
                          - { item: "3", grade: 较好 }
                          - { item: "2", points: 3 }
                        """, 6, "judgements[2].item", "item '2' is judged twice (also in judgements[0])"));
    }

    private static Arguments bad(String what, Rubric rubric, String file, String text, int line, String path, String problem) {
        return Arguments.of(what, rubric, file, text, line, path, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFacts")
    void reportsBadInputWithFileLineFieldAndExpectation(String what, Rubric rubric, String file, String text, int line,
                                                        String path, String problem) {
        // GIVEN a facts file with one bad input

        // WHEN it is read and scored
        FactsException error = catchThrowableOfType(FactsException.class, () -> rubric.score(rubric.readFacts(file, text)));

        // THEN the error names the file, the line, the field and what was expected
        assertThat(error).as(what).isNotNull();
        assertThat(error.source()).isEqualTo(file);
        assertThat(error.path()).as(error.getMessage()).isEqualTo(path);
        assertThat(error.line()).as(error.getMessage()).isEqualTo(line);
        assertThat(error.getMessage()).startsWith(file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": "));
        assertThat(error.getMessage()).contains(problem);
    }

    @Test
    void rejectsJudgementsAlreadyWhenReadingSoThatTheErrorCanNameTheLine() {
        // GIVEN a judgement above the item's maximum
        String yaml = SUBJECT + """
                period: 2024
                judgements:
                  - { item: "3", grade: 一般 }
                  - { item: "2", points: 7 }
                """;

        // WHEN the facts are only read
        FactsException error = catchThrowableOfType(FactsException.class, () -> JUDGED.readFacts("branch.yaml", yaml));

        // THEN reading already fails, at the judgement's line
        assertThat(error).isNotNull();
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.path()).isEqualTo("judgements[1].points");
    }

    /** A rubric whose Leadership record is required and whose Inspection record carries a date. */
    private static final Rubric REQUIRED = Rubric.fromString("required-test.drl", """
            /*---
            id: required-test
            title: 必填记录测试细则
            version: "1"
            totalPoints: 4
            sections:
              - id: all
                title: 全部
                maxPoints: 4
                items:
                  - { id: "4", title: 班子建设, maxPoints: 4 }
            ---*/
            package test.required;

            global io.github.rubric.rules.Scoring score;

            declare Leadership @required
                complete : boolean
            end

            declare Inspection
                day : java.time.LocalDate
                score : java.math.BigDecimal
            end

            rule "4 班子不健全的扣1分"
                @item("4")
            when
                Leadership( !complete )
            then
                score.deduct("1", "班子不健全，扣{points}分");
            end
            """);

    @Test
    void rejectsAFactsFileWithoutARecordTheRubricDeclaresRequired() {
        // GIVEN a facts file with no Leadership record, which the rubric marks @required
        String yaml = SUBJECT + "period: 2024\n";

        // WHEN it is read
        FactsException error = catchThrowableOfType(FactsException.class, () -> REQUIRED.readFacts("branch.yaml", yaml));

        // THEN it fails, naming the record type, instead of passing the item's criteria over
        assertThat(error).isNotNull();
        assertThat(error.path()).isEqualTo("records");
        assertThat(error.getMessage()).contains("requires at least one Leadership record");
    }

    @Test
    void rejectsADateOfADeclaredRecordOutsideThePeriodAndANegativeDecimal() {
        // GIVEN declared records with a date in the next year, and with a negative decimal
        String late = SUBJECT + """
                period: 2024
                records:
                  Leadership: [ { complete: true } ]
                  Inspection: [ { day: 2025-01-03, score: 1 } ]
                """;
        String negative = SUBJECT + """
                period: 2024
                records:
                  Leadership: [ { complete: true } ]
                  Inspection: [ { day: 2024-05-03, score: -0.5 } ]
                """;

        // WHEN they are read
        FactsException lateError = catchThrowableOfType(FactsException.class, () -> REQUIRED.readFacts("late.yaml", late));
        FactsException negativeError = catchThrowableOfType(FactsException.class, () -> REQUIRED.readFacts("neg.yaml", negative));

        // THEN both fail at the field
        assertThat(lateError.path()).isEqualTo("records.Inspection[0].day");
        assertThat(lateError.line()).isEqualTo(5);
        assertThat(lateError.getMessage()).contains("outside the assessment period 2024-01-01 to 2024-12-31");
        assertThat(negativeError.path()).isEqualTo("records.Inspection[0].score");
        assertThat(negativeError.getMessage()).contains("must not be negative, was -0.5");
    }
}
