package io.github.rubric.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rubric batch}, {@code rank} and {@code report} on the bundled branches of seed 000. */
class BatchCommandsTest {
    private static final String RUBRIC = "classpath:io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl";
    private static final Path BATCH = Path.of("..", "rubric-examples", "src", "main", "resources", "io", "github",
            "rubric", "examples", "socialaffairs", "facts", "batch");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(boolean terminal, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new Main(o, e, terminal).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The bundled folder plus a facts file with an impossible date. */
    private Path withBrokenFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("batch"));
        try (Stream<Path> files = Files.list(BATCH)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.writeString(folder.resolve("09-archive.yaml"), """
                subject: { kind: organization, id: sab-archive-branch, name: 档案室党支部, type: PARTY_BRANCH }
                period: 2024
                meetings:
                  - { type: GENERAL_MEETING, date: 2024-02-30 }
                """, StandardCharsets.UTF_8);
        return folder;
    }

    @Test
    void batchPrintsOneLinePerSubjectInInputOrderAndExitsZero() {
        // GIVEN the bundled folder

        // WHEN
        int exit = run(false, "batch", RUBRIC, BATCH.toString(), "--threads", "2");

        // THEN
        assertThat(exit).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("100   优秀    合格    复查    办公室党支部（sab-office-branch）");
        assertThat(lines.get(1)).startsWith("98.5  优秀    合格    自查    教育科党支部");
        assertThat(lines.get(8)).startsWith("53.5  不合格  不合格  复查    机关后勤党支部");
        assertThat(lines.get(9)).isEqualTo("scored 9 of 9 subjects");
        assertThat(err()).isEmpty();
    }

    @Test
    void batchReportsAFailingSubjectOnStandardErrorWithFileAndFieldKeepsTheOthersAndExitsOne() throws IOException {
        // GIVEN
        Path folder = withBrokenFile();

        // WHEN
        int exit = run(false, "batch", RUBRIC, folder.toString());

        // THEN
        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(err()).isEqualTo("error: " + folder.resolve("09-archive.yaml")
                + ":4: meetings[0].date: '2024-02-30' is not a date (YYYY-MM-DD)\n");
        assertThat(out().lines().toList()).hasSize(10)
                .last().isEqualTo("scored 9 of 10 subjects; 1 failed (see the errors above)");
    }

    @Test
    void batchStreamsJsonLinesInInputOrderThenTheRanking() {
        // GIVEN the bundled folder

        // WHEN
        int exit = run(false, "batch", RUBRIC, BATCH.toString(), "--jsonl");

        // THEN
        assertThat(exit).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.subList(0, 9)).allSatisfy(line -> assertThat(line).startsWith("{\"type\":\"scorecard\","));
        assertThat(lines.get(0)).contains("\"name\":\"办公室党支部\"");
        assertThat(lines.get(9)).startsWith("{\"type\":\"ranking\",");
    }

    @Test
    void rankPrintsRanksWithTiesAndTheStatistics() {
        // GIVEN the bundled folder

        // WHEN
        int exit = run(false, "rank", RUBRIC, BATCH.toString());

        // THEN
        assertThat(exit).isZero();
        assertThat(out()).contains("3     民政科党支部        复查            92      优秀    合格\n")
                .contains("3     人社科党支部        复查            92      优秀    合格\n")
                .contains("5     体育科党支部")
                .contains("2     教育科党支部        复查    98.5    95.5    优秀    合格\n")
                .contains("参评 8，合格 7，不合格 1（合格线 60），平均分 83.13\n")
                .contains("等次：优秀 4  良好 1  合格 2  不合格 1\n")
                .contains("90–100    4   ####\n")
                .contains("18 党建信息             3 / 6\n");
    }

    @Test
    void rankWritesCsvOnRequest() {
        // GIVEN the bundled folder

        // WHEN
        int exit = run(false, "rank", RUBRIC, BATCH.toString(), "--csv");

        // THEN
        assertThat(exit).isZero();
        assertThat(out().lines().toList()).hasSize(9).element(3).asString().startsWith("ranked,3,sab-civil-affairs-branch,");
    }

    @Test
    void reportWritesEveryOutputNamedAndExitsOneWhenASubjectFailed() throws IOException {
        // GIVEN
        Path folder = withBrokenFile();
        Path html = dir.resolve("out/results.html");
        Path xlsx = dir.resolve("out/results.xlsx");
        Path json = dir.resolve("out/results.json");

        // WHEN
        int exit = run(false, "report", RUBRIC, folder.toString(), "-o", html.toString(), "--output", xlsx.toString(),
                "--output=" + json);

        // THEN
        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(out()).contains("wrote " + html + " (html)\n", "wrote " + xlsx + " (xlsx)\n",
                "wrote " + json + " (json)\n", "scored 9 of 10 subjects; 1 failed");
        assertThat(Files.readString(html)).contains("机关后勤党支部").contains("meetings[0].date");
        assertThat(Files.size(xlsx)).isGreaterThan(5_000);
        assertThat(Files.readString(json)).contains("\"notPassed\" : 1");
        assertThat(err()).contains("error: " + folder.resolve("09-archive.yaml") + ":4: meetings[0].date:");
    }

    @Test
    void showsProgressOnStandardErrorOnlyOnATerminal() {
        // GIVEN the bundled folder

        // WHEN
        int exit = run(true, "rank", RUBRIC, BATCH.toString(), "--csv");

        // THEN
        assertThat(exit).isZero();
        assertThat(err()).contains("评分 [").contains("] 9/9").endsWith("\r");
        assertThat(out()).doesNotContain("评分 [");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batch BATCH --threads 0   | --threads takes a whole number of at least 1, not '0'",
        "batch BATCH --threads x   | --threads takes a whole number of at least 1, not 'x'",
        "batch BATCH --json        | unknown option '--json' for batch",
        "rank BATCH --json --csv   | choose one of --json, --csv for rank",
        "rank                      | rank takes a rubric and one or more facts files or folders",
        "report BATCH              | report needs --output <file> (.html, .xlsx, .json, .jsonl or .csv); it may be repeated",
        "report BATCH -o r.pdf     | cannot tell the report format of r.pdf: expected a name ending in .json, .jsonl, .csv, .xlsx, .html",
        "report BATCH -o           | -o of report needs a value"})
    void refusesAWrongCommandLineWithUsageAndExitTwo(String line, String problem) {
        // GIVEN
        String[] words = line.trim().split(" +");
        String[] args = new String[words.length + 1];
        args[0] = words[0];
        args[1] = RUBRIC;
        for (int i = 1; i < words.length; i++) {
            args[i + 1] = words[i].equals("BATCH") ? BATCH.toString() : words[i];
        }
        if (words.length == 1) {
            args = new String[] {words[0]};
        }

        // WHEN
        int exit = run(false, args);

        // THEN
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err()).startsWith("error: " + problem + "\n").contains("Usage: rubric");
        assertThat(out()).isEmpty();
    }

    @Test
    void printsHelpForABatchCommand() {
        // WHEN
        int exit = run(false, "report", "--help");

        // THEN
        assertThat(exit).isZero();
        assertThat(out()).contains("report <rubric> <input>... -o <file>...");
    }
}
