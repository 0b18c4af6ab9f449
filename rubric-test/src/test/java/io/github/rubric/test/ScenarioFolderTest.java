package io.github.rubric.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFolderTest {
    @TempDir
    Path dir;

    @Test
    void runs_scenarios_from_a_folder_inside_a_jar_with_facts_files_beside_them() throws IOException {
        // GIVEN a jar holding a scenario folder whose scenario refers to a facts file in a subfolder (with the
        // directory entries that jar tools write)
        Path jar = dir.resolve("scenarios.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String folder : List.of("jarred/", "jarred/tiny/", "jarred/tiny/facts/")) {
                zip.putNextEntry(new ZipEntry(folder));
                zip.closeEntry();
            }
            for (String name : List.of("scenarios/tiny/every-expectation.yaml", "scenarios/tiny/facts/busy-branch.yaml",
                    "scenarios/tiny/full-marks.yaml")) {
                zip.putNextEntry(new ZipEntry("jarred/" + name.substring("scenarios/".length())));
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);

            // WHEN
            ScenarioFolder folder = ScenarioFolder.onClasspath("jarred/tiny");
            List<ScenarioResult> results = folder.run(RubricScenariosTest.TINY, null);

            // THEN
            assertThat(folder.files()).extracting(p -> p.getFileName().toString())
                    .containsExactly("every-expectation.yaml", "full-marks.yaml");
            assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.report()).isTrue());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void a_folder_on_the_file_system_lists_only_its_own_yaml_files() throws IOException {
        // GIVEN
        Files.createDirectories(dir.resolve("facts"));
        Files.writeString(dir.resolve("b.yaml"), "");
        Files.writeString(dir.resolve("a.yml"), "");
        Files.writeString(dir.resolve("notes.md"), "");
        Files.writeString(dir.resolve("facts/x.yaml"), "");

        // WHEN
        ScenarioFolder folder = ScenarioFolder.of(dir);

        // THEN
        assertThat(folder.files()).extracting(p -> p.getFileName().toString()).containsExactly("a.yml", "b.yaml");
    }
}
