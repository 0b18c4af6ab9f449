package io.github.rubric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.Scorecards;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code rubric} command: what it prints on standard output and standard error, and its exit codes (0 done,
 * 1 a rubric, facts or scoring error, 2 a usage error).
 */
class MainTest {
    private static final String EXAMPLES = "io/github/rubric/examples/socialaffairs/";
    private static final String RUBRIC = "classpath:" + EXAMPLES + "social-affairs-bureau.drl";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Main main;

    @BeforeEach
    void setUp() {
        main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Copies a bundled facts file to a file of its own, as a user would have it. */
    private Path example(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EXAMPLES + "facts/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void scorePrintsTheScorecardAsATable() throws IOException {
        // GIVEN the bundled rubric and the branch with shortfalls
        Path facts = example("branch-with-shortfalls.yaml");

        // WHEN scored
        int code = main.run("score", RUBRIC, facts.toString());

        // THEN it exits 0 and prints the table, ending with the total
        assertThat(code).isEqualTo(Main.OK);
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("社会事业局党工委直属党组织工作目标责任制考核细则\n");
        assertThat(out()).contains("考核对象：卫生科党支部", "3 三会一课              6     0     -1 全年召开党员大会3次");
        assertThat(out()).endsWith("总分                          72.5  合格  等次：合格\n");
    }

    @ParameterizedTest(name = "score {0}")
    @CsvSource({"--json first", "--json last"})
    void scoreWithJsonPrintsAScorecardThatReadsBack(String where) throws IOException {
        // GIVEN the bundled rubric and the model branch
        Path facts = example("model-branch.yaml");

        // WHEN scored with --json, before or after the files
        int code = where.endsWith("first")
                ? main.run("score", "--json", RUBRIC, facts.toString())
                : main.run("score", RUBRIC, facts.toString(), "--json");

        // THEN it exits 0 and prints the scorecard as JSON
        assertThat(code).isEqualTo(Main.OK);
        assertThat(err()).isEmpty();
        Scorecard card = Scorecards.fromJson(out());
        assertThat(card.total()).isEqualByComparingTo("100");
        assertThat(card.source()).isEqualTo(facts.toString());
        assertThat(out()).isEqualTo(Scorecards.toJson(card));
    }

    @Test
    void scoreKeepsTheRulesClassesWhereTheLauncherSays() throws IOException {
        // GIVEN the launcher's system property naming a class cache
        Path facts = example("branch-with-shortfalls.yaml");
        Path cache = dir.resolve("class-cache");
        String before = System.getProperty(Main.CLASS_CACHE);
        System.setProperty(Main.CLASS_CACHE, cache.toString());
        try {
            // WHEN the rubric scores twice
            int first = main.run("score", RUBRIC, facts.toString());
            String printed = out();
            out.reset();
            int second = main.run("score", RUBRIC, facts.toString());

            // THEN the first run kept one entry of compiled classes there, and both printed the same scorecard
            assertThat(first).isEqualTo(Main.OK);
            assertThat(second).isEqualTo(Main.OK);
            assertThat(out()).isEqualTo(printed);
            try (var entries = Files.list(cache)) {
                assertThat(entries.map(p -> p.getFileName().toString())).singleElement()
                        .satisfies(name -> assertThat(name).endsWith(".classes"));
            }
        } finally {
            if (before == null) {
                System.clearProperty(Main.CLASS_CACHE);
            } else {
                System.setProperty(Main.CLASS_CACHE, before);
            }
        }
    }

    @Test
    void scoreReportsBadFactsWithFileLineAndFieldAndExitsOne() throws IOException {
        // GIVEN a facts file with an unknown meeting type on line 4
        Path facts = file("bad.yaml", """
                subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
                period: 2024
                meetings:
                  - { type: BRANCH_MEETING, date: 2024-03-12 }
                """);

        // WHEN scored
        int code = main.run("score", RUBRIC, facts.toString());

        // THEN it exits 1, prints nothing on standard output and the error on standard error
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("error: " + facts + ":4: meetings[0].type: unknown value 'BRANCH_MEETING'; expected one of:");
    }

    @Test
    void scoreReportsAFactsFileThatDoesNotExist() {
        // GIVEN a facts file name that does not exist
        Path missing = dir.resolve("missing.yaml");

        // WHEN scored
        int code = main.run("score", RUBRIC, missing.toString());

        // THEN it exits 1 and says so
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(err()).startsWith("error: " + missing + ": cannot read: ");
    }

    @Test
    void scoreReportsABrokenRubricWithFileAndLineAndExitsOne() throws IOException {
        // GIVEN a rubric file whose item points (4) do not add up to its section's (5), on line 7
        Path rubric = file("broken.drl", """
                /*---
                id: broken
                title: 测试
                version: "1"
                totalPoints: 5
                sections:
                  - { id: all, title: 全部, maxPoints: 5, items: [ { id: "1", title: 评议, maxPoints: 4, discretionary: true } ] }
                ---*/
                package test.broken;
                global io.github.rubric.rules.Scoring score;
                """);
        Path facts = example("model-branch.yaml");

        // WHEN scored
        int code = main.run("score", rubric.toString(), facts.toString());

        // THEN it exits 1 with the rubric's file and line on standard error
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(out()).isEmpty();
        assertThat(err()).contains(rubric + ":7: the items of section 'all' add up to 4 points, but the section has 5");
    }

    @Test
    void lintReportsEachRubricFile() throws IOException {
        // GIVEN the bundled rubric and a broken one
        Path broken = file("broken.drl", "package test.broken;\n");

        // WHEN both are linted
        int code = main.run("lint", RUBRIC, broken.toString());

        // THEN the good one is ok, the broken one's problem is on standard error with its line, and it exits 1
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(out()).startsWith(RUBRIC + ": ok (social-affairs-bureau-branch-responsibility 1.0, 19 items, 36 rules,"
                + " 4 warnings)\n").contains(RUBRIC + ":74: warning: item '10'");
        assertThat(err()).isEqualTo(broken + ":1: no rubric header: the file must open with a '/*---' line, the rubric's"
                + " structure in YAML, and a '---*/' line\n");
    }

    @Test
    void lintExitsZeroWhenEveryRubricLoads() {
        // GIVEN the bundled rubric

        // WHEN linted
        int code = main.run("lint", RUBRIC);

        // THEN it exits 0
        assertThat(code).isEqualTo(Main.OK);
        assertThat(err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no command                 |                                          |
            an unknown command         | grade                                    | error: unknown command 'grade'
            score without facts        | score classpath:x.drl                    | error: score takes a rubric and a facts file (or one facts file per round)
            score with an unknown flag | score classpath:x.drl a.yaml --xml       | error: unknown option '--xml' for score
            lint without a rubric      | lint                                     | error: lint takes one or more rubric files
            """)
    void exitsTwoOnAUsageErrorAndPrintsTheHelp(String what, String args, String message) {
        // GIVEN a wrong command line

        // WHEN run
        int code = main.run(args == null ? new String[0] : args.split(" "));

        // THEN it exits 2, with the problem and the help on standard error
        assertThat(code).as(what).isEqualTo(Main.USAGE);
        assertThat(out()).isEmpty();
        if (message != null) {
            assertThat(err()).startsWith(message + "\n");
        }
        assertThat(err()).contains("Usage: rubric <command> [options]");
    }

    @Test
    void helpPrintsTheUsageOnStandardOutput() {
        // GIVEN the help command

        // WHEN run
        int code = main.run("help");

        // THEN it exits 0 with the usage on standard output
        assertThat(code).isEqualTo(Main.OK);
        assertThat(out()).startsWith("Usage: rubric <command> [options]");
        assertThat(err()).isEmpty();
    }
}
