package io.github.rubric.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthoringCommandsTest {
    private static final String SEED = "classpath:io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl";
    private static final String FACTS = "classpath:io/github/rubric/examples/socialaffairs/facts/";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void test_runs_every_scenario_of_a_folder_and_prints_the_summary_and_coverage() throws IOException {
        // GIVEN
        scenario("model.yaml", FACTS + "model-branch.yaml", "total: 100\n  noDeductions: true");
        scenario("shortfalls.yaml", FACTS + "branch-with-shortfalls.yaml", "total: 72.5\n  grade: 合格");

        // WHEN
        int code = run("test", SEED, dir.toString());

        // THEN
        assertThat(code).isZero();
        assertThat(out()).contains("PASS model\n", "PASS shortfalls\n")
                .contains("rule coverage of social-affairs-bureau-branch-responsibility 1.0")
                .contains("never fired: 1.2 班子成员有反映不团结的扣1分")
                .endsWith("2 passed, 0 failed\n");
    }

    @Test
    void test_exits_1_and_shows_expected_against_actual_when_a_scenario_fails() throws IOException {
        // GIVEN
        scenario("wrong.yaml", FACTS + "branch-with-shortfalls.yaml", "total: 80\n  items: { \"18\": 6 }");
        scenario("right.yaml", FACTS + "model-branch.yaml", "total: 100");

        // WHEN
        int code = run("test", SEED, dir.toString());

        // THEN
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(out()).contains("FAIL wrong (2 mismatches)")
                .contains("wrong.yaml:5: total: expected 80, was 72.5")
                .contains("wrong.yaml:6: item 18 党建信息: expected 6, was 1.5")
                .contains("✗ 18 党建信息: expected 6, was 1.5 of 6")
                .contains("-4.5 组织人事处收到并转发的党建信息1篇，要求不少于4篇，扣4.5分 [submissions[3]]")
                .endsWith("1 passed, 1 failed\n");
    }

    @Test
    void test_exits_1_when_rule_coverage_is_under_the_minimum() throws IOException {
        // GIVEN a single scenario, in which no rule fires
        scenario("model.yaml", FACTS + "model-branch.yaml", "total: 100");

        // WHEN
        int code = run("test", SEED, dir.toString(), "--min-coverage", "100");

        // THEN
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(out()).contains("0 of 36 rules fired (0 %)").contains("under the minimum of 100 %")
                .endsWith("1 passed, 0 failed\n");
    }

    @Test
    void test_reports_a_malformed_scenario_as_failed_with_its_line() throws IOException {
        // GIVEN
        Files.writeString(dir.resolve("bad.yaml"), "factsFile: " + FACTS + "model-branch.yaml\nexpect:\n  totl: 100\n");

        // WHEN
        int code = run("test", SEED, dir.toString());

        // THEN
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(out()).contains("ERROR bad.yaml: ").contains("bad.yaml:3: expect.totl: unknown field 'totl'")
                .endsWith("0 passed, 1 failed\n");
    }

    @Test
    void diff_reports_per_subject_and_item_what_two_versions_score() throws IOException {
        // GIVEN a later edition in which item 18 costs 2 points a missing piece
        Path later = dir.resolve("later.drl");
        Files.writeString(later, seedText().replace("version: \"1.0\"", "version: \"2025\"")
                .replace("每少1篇扣1.5分", "每少1篇扣2分").replace("score.shortfall(4, $accepted, \"1.5\"", "score.shortfall(4, $accepted, \"2\""));
        Path facts = copy("branch-with-shortfalls.yaml");

        // WHEN
        int code = run("diff", SEED, later.toString(), facts.toString());

        // THEN
        assertThat(code).isZero();
        assertThat(out()).contains("原版本 1.0").contains("新版本 2025")
                .contains("卫生科党支部（" + facts + "）：总分 72.5 → 71（-1.5）")
                .contains("  18 党建信息：1.5 → 0（-1.5）\n    1.0：-4.5 组织人事处收到并转发的党建信息1篇，要求不少于4篇，扣4.5分\n"
                        + "    2025：-6 组织人事处收到并转发的党建信息1篇，要求不少于4篇，扣6分\n");
    }

    @Test
    void lint_prints_warnings_and_fails_on_them_only_when_strict() {
        // WHEN
        int lenient = run("lint", SEED);
        String lenientOut = out();
        out.reset();
        int strict = run("lint", "--strict", SEED);

        // THEN
        assertThat(lenient).isZero();
        assertThat(lenientOut).contains("ok (social-affairs-bureau-branch-responsibility 1.0, 19 items, 36 rules, 4 warnings)")
                .contains(":74: warning: item '10' (党务公开, 5 points): its rules can deduct at most 2 together");
        assertThat(strict).isEqualTo(Main.FAILED);
    }

    @Test
    void score_explain_shows_the_criteria_checked_for_a_full_score() throws IOException {
        // GIVEN
        Path facts = copy("model-branch.yaml");

        // WHEN
        int code = run("score", SEED, facts.toString(), "--explain");

        // THEN
        assertThat(code).isZero();
        assertThat(out()).contains("评分依据")
                .contains("3.1 全年召开党员大会不少于4次，每少1次扣1分：未扣分（查验4条：2024-03-12 党员大会 [meetings[0]]");
    }

    private void scenario(String name, String facts, String expect) throws IOException {
        Files.writeString(dir.resolve(name), "# a scenario\n\nfactsFile: " + facts + "\nexpect:\n  " + expect + "\n");
    }

    private Path copy(String facts) throws IOException {
        Path file = dir.resolve(facts);
        try (InputStream in = resource("io/github/rubric/examples/socialaffairs/facts/" + facts)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static String seedText() throws IOException {
        try (InputStream in = resource("io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String name) {
        return AuthoringCommandsTest.class.getClassLoader().getResourceAsStream(name);
    }
}
