package io.github.rubric.report;

import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.batch.Batch;
import io.github.rubric.rules.batch.BatchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The bundled batch of seed 000 branches, plus a broken facts file, scored for the report tests. */
final class Fixture {
    static final String RUBRIC = "io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl";
    /** The bundled folder, read from the examples module's sources (tests run in the module's folder). */
    static final Path BATCH = Path.of("..", "rubric-examples", "src", "main", "resources", "io", "github", "rubric",
            "examples", "socialaffairs", "facts", "batch");
    static final String BROKEN_NAME = "09-archive.yaml";
    static final String BROKEN = """
            # 档案室党支部: a date that does not exist.
            subject: { kind: organization, id: sab-archive-branch, name: 档案室党支部, type: PARTY_BRANCH }
            period: 2024
            meetings:
              - { type: GENERAL_MEETING, date: 2024-02-30 }
            """;

    private static Rubric rubric;

    private Fixture() {
    }

    static synchronized Rubric rubric() {
        if (rubric == null) {
            rubric = Rubric.fromClasspath(RUBRIC);
        }
        return rubric;
    }

    /** Copies the bundled folder and the broken file into a folder, so sources read alike on every machine. */
    static Path folder(Path dir) {
        try (Stream<Path> files = Files.list(BATCH)) {
            Path folder = Files.createDirectories(dir.resolve("batch"));
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName().toString()));
            }
            Files.writeString(folder.resolve(BROKEN_NAME), BROKEN, StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores the folder, given relative to the working directory so that sources do not name a temp dir. */
    static BatchResult score(Path folder, int threads) {
        return Batch.of(rubric()).threads(threads).score(folder);
    }
}
