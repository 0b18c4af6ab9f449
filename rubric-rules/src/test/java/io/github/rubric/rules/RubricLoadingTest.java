package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rubric.model.structure.Item;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loading a rubric file: a good one compiles; each broken one beside it under {@code loading/} fails with a
 * {@link RubricException} naming the file and the exact line. Open the files to see the lines.
 */
class RubricLoadingTest {
    private static final String DIR = "io/github/rubric/rules/loading/";

    @Test
    void loadsTheHeaderAndTheRulesOfAGoodRubricFile() {
        // GIVEN a rubric file with two items and a rule for each

        // WHEN it is loaded from the classpath
        Rubric rubric = Rubric.fromClasspath(DIR + "valid.drl");

        // THEN the header, the rules and the declared types are all there
        assertThat(rubric.sourceName()).isEqualTo("classpath:" + DIR + "valid.drl");
        assertThat(rubric.definition().id()).isEqualTo("loading-test");
        assertThat(rubric.definition().totalPoints()).isEqualByComparingTo("10");
        assertThat(rubric.definition().items().map(Item::id)).containsExactly("1", "2");
        assertThat(rubric.definition().item("2").orElseThrow().maxPoints()).isEqualByComparingTo(new BigDecimal("4"));
        assertThat(rubric.ruleNames()).containsExactly("1 全年召开党员大会不少于4次，每少1次扣1分", "2 党建信息全年不少于4篇，每少1篇扣1分");
        assertThat(rubric.declaredTypes()).containsExactly("Leadership");
        assertThat(rubric.ref().sha256()).hasSize(64);
    }

    @ParameterizedTest(name = "{0} -> line {1}")
    @CsvSource(delimiter = '|', textBlock = """
            header-yaml-syntax-error.drl    | 10 | rubric header: sections[0].title: mapping values are not allowed here
            header-unknown-field.drl        | 15 | rubric header: sections[0].items[0].maxPoint: unknown field 'maxPoint'; expected one of: assumption, criteria, discretionary, evidenceMethod, grades, id, maxPoints, requirement, title
            missing-header.drl              |  1 | no rubric header: the file must open with a '/*---' line
            unclosed-header.drl             |  1 | the rubric header opened here is never closed: expected a line '---*/'
            item-points-exceed-section.drl  | 11 | the items of section 'life' add up to 11 points, but the section has 10
            sections-exceed-total.drl       |  7 | the sections add up to 10 points, but totalPoints is 100
            duplicate-item-id.drl           | 17 | item id '1' is declared twice (first at line 13)
            drl-syntax-error.drl            | 37 | rules: [ERR 102] Line 37:0 mismatched input 'then' in rule "1 全年召开党员大会不少于4次，每少1次扣1分"
            unknown-fact-type.drl           | 36 | rules: Unable to resolve ObjectType 'Meting'
            unknown-field.drl               | 36 | rules:
            rule-without-item.drl           | 49 | rule "3 班子成员有反映不团结的扣1分" names no item: add @item("<item id>") after its name
            rule-scores-undeclared-item.drl | 49 | rule "3 班子成员有反映不团结的扣1分" scores item '3', which the rubric header does not declare; declared items: 1, 2
            item-without-rule.drl           | 17 | item '2' (党建信息) has no rule; write its criteria as rules, or declare it 'discretionary: true'
            missing-score-global.drl        | 22 | the rules must declare 'global io.github.rubric.rules.Scoring score;'
            """)
    void reportsABrokenRubricFileWithItsLine(String file, int line, String message) {
        // GIVEN a rubric file broken in one place

        // WHEN it is loaded
        RubricException error = catchThrowableOfType(RubricException.class, () -> Rubric.fromClasspath(DIR + file));

        // THEN the one problem names the file, the line and what is wrong
        assertThat(error).as("loading %s should fail", file).isNotNull();
        assertThat(error.problems()).hasSize(1);
        RubricException.Problem problem = error.problems().get(0);
        assertThat(problem.source()).isEqualTo("classpath:" + DIR + file);
        assertThat(problem.message()).contains(message);
        assertThat(problem.line()).as(problem.toString()).isEqualTo(line);
        assertThat(error.getMessage()).contains("classpath:" + DIR + file + ":" + line + ": ");
    }

    @Test
    void reportsEveryProblemAtOnceInLineOrder() throws Exception {
        // GIVEN the good rubric with two rules appended: one without @item (line 49), one for an undeclared item (line 56)
        String valid;
        try (var in = getClass().getClassLoader().getResourceAsStream(DIR + "valid.drl")) {
            valid = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String text = valid + """

                rule "3 班子不健全的扣1分"
                when
                    Leadership( !complete )
                then
                    score.deduct("1", "班子不健全，扣{points}分");
                end

                rule "4 未上报的扣1分"
                    @item("4")
                when
                    not Submission()
                then
                    score.deduct("1", "未上报，扣{points}分");
                end
                """;

        // WHEN it is loaded
        RubricException error = catchThrowableOfType(RubricException.class, () -> Rubric.fromString("two-problems.drl", text));

        // THEN both problems are reported, in line order
        assertThat(error.problems()).extracting(RubricException.Problem::line).containsExactly(49, 56);
        assertThat(error.getMessage()).startsWith("rubric file has 2 errors:\n  two-problems.drl:49: rule \"3 班子不健全的扣1分\" names no item");
    }

    @Test
    void reportsAResourceThatIsNotOnTheClasspath() {
        // GIVEN a resource name that does not exist

        // WHEN it is loaded
        RubricException error = catchThrowableOfType(RubricException.class, () -> Rubric.fromClasspath(DIR + "nowhere.drl"));

        // THEN the error names it
        assertThat(error.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("classpath:" + DIR + "nowhere.drl");
            assertThat(p.message()).isEqualTo("cannot read: no such resource on the classpath");
        });
    }
}
