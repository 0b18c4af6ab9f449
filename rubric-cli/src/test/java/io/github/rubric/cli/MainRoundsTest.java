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

class MainRoundsTest {
    private static final String VILLAGE = "io/github/rubric/examples/villagepartybuilding/";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private String copy(String resource) throws IOException {
        Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file.toString();
    }

    @Test
    void scoresSeveralFactsFilesAsTheRoundsOfOneYear() throws IOException {
        // GIVEN
        String first = copy(VILLAGE + "facts/village-inspection-1.yaml");
        String second = copy(VILLAGE + "facts/village-inspection-2.yaml");
        String annual = copy(VILLAGE + "facts/village-annual.yaml");

        // WHEN
        int code = main.run("score", "classpath:" + VILLAGE + "village-responsibility.drl", first, second, annual);

        // THEN
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("加权合计              69.88             69.875，四舍五入保留2位小数",
                "年度总分              75.88             合格");
    }

    @Test
    void writesTheCombinedResultAsJson() throws IOException {
        // GIVEN
        String first = copy(VILLAGE + "facts/village-inspection-1.yaml");
        String annual = copy(VILLAGE + "facts/village-annual.yaml");

        // WHEN
        int code = main.run("score", "classpath:" + VILLAGE + "village-responsibility.drl", first, annual, "--json");

        // THEN 0.3 × 95 + 0.7 × 63.5 = 28.5 + 44.45 = 72.95, plus 6
        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"weightedTotal\" : 72.95", "\"total\" : 78.95");
    }

    @Test
    void failsWithTheFileAndProblemWhenARoundDoesNotBelong() throws IOException {
        // GIVEN two year-end assessments
        String annual = copy(VILLAGE + "facts/village-annual.yaml");
        String model = copy(VILLAGE + "facts/model-village-annual.yaml");

        // WHEN
        int code = main.run("score", "classpath:" + VILLAGE + "village-responsibility.drl", annual, model);

        // THEN
        assertThat(code).isEqualTo(Main.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: " + model + ": round: round ANNUAL (年终综合考评)"
                + " is also given by " + annual);
    }
}
