package io.github.rubric.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    private static final String FACTS = "facts: { subject: { kind: organization, id: b, name: 支部, type: PARTY_BRANCH }, period: 2024 }";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a misspelt field       | descripton: x\\n@FACTS\\nexpect: { total: 1 }          | s.yaml:1: descripton: unknown field 'descripton'; expected one of description, expect, facts, factsFile, rubric
            a misspelt expectation | @FACTS\\nexpect:\\n  totl: 100                       | s.yaml:3: expect.totl: unknown field 'totl'; expected one of
            points that are words  | @FACTS\\nexpect:\\n  total: ninety                   | s.yaml:3: expect.total: expected points such as 6 or 1.5, was 'ninety'
            a yes for true         | @FACTS\\nexpect:\\n  passed: yes                     | s.yaml:3: expect.passed: expected true or false, was 'yes'
            an unknown veto kind   | @FACTS\\nexpect:\\n  vetoes: [ { kind: STOP } ]      | s.yaml:3: expect.vetoes[0].kind: unknown veto kind 'STOP'; expected one of FAIL, ZERO_SECTION, CAP_GRADE
            noDeductions false     | @FACTS\\nexpect:\\n  noDeductions: false             | s.yaml:3: expect.noDeductions: expected true (none at all) or a list of what must be absent
            a field twice          | @FACTS\\nexpect:\\n  total: 1\\n  total: 2           | s.yaml:4: expect.total: 'total' is given twice
            a bonus field on items | @FACTS\\nexpect:\\n  items: { "1": { counted: 1 } }  | s.yaml:3: expect.items.1.counted: unknown field 'counted'; expected one of deductions, findings, noDeductions, noFindings, score
            no expectations        | @FACTS                                               | s.yaml:1: the scenario has no 'expect': say what the facts must score
            both kinds of facts    | factsFile: f.yaml\\n@FACTS\\nexpect: { total: 1 }    | s.yaml:1: give the facts either inline under 'facts' or as 'factsFile'
            a missing facts file   | factsFile: nowhere.yaml\\nexpect: { total: 1 }       | s.yaml:1: factsFile: no file
            a missing resource     | factsFile: classpath:no/such.yaml\\nexpect: { total: 1 } | s.yaml:1: factsFile: no resource 'no/such.yaml' on the classpath
            not YAML               | expect: [ total: 1                                   | s.yaml:2: not valid YAML
            """)
    void a_malformed_scenario_fails_with_its_file_line_and_field(String what, String text, String message) throws IOException {
        // GIVEN
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text.replace("\\n", "\n").replace("@FACTS", FACTS) + "\n");

        // WHEN / THEN
        assertThatThrownBy(() -> Scenario.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(dir.resolve("s.yaml") + ":" + message.substring("s.yaml:".length()));
    }

    @Test
    void facts_files_are_found_relative_to_the_scenario() throws IOException {
        // GIVEN
        Files.createDirectories(dir.resolve("facts"));
        Files.writeString(dir.resolve("facts/b.yaml"), "subject: { kind: organization, id: b, name: 支部, type: PARTY_BRANCH }\nperiod: 2024\n");
        Files.writeString(dir.resolve("s.yaml"), "factsFile: facts/b.yaml\nexpect: { total: 6 }\n");

        // WHEN
        ScenarioResult result = Scenario.read(dir.resolve("s.yaml")).run(RubricScenariosTest.TINY);

        // THEN: no meetings (item 1 loses 4 of 6), no complaints
        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(result.evaluation().orElseThrow().scorecard().source()).isEqualTo(dir.resolve("facts/b.yaml").toString());
    }
}
