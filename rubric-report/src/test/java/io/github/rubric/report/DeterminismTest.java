package io.github.rubric.report;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The same inputs give the same reports whatever the number of threads that scored them. */
class DeterminismTest {
    @TempDir
    static Path dir;

    private static Report one;
    private static Report four;

    private static synchronized void score() {
        if (one == null) {
            Path folder = Fixture.folder(dir);
            one = Report.of(Fixture.score(folder, 1));
            four = Report.of(Fixture.score(folder, 4));
        }
    }

    @ParameterizedTest
    @EnumSource(Report.Format.class)
    void writesByteIdenticalReportsWithOneAndFourThreads(Report.Format format) {
        // GIVEN
        score();

        // WHEN
        byte[] single = one.bytes(format);
        byte[] parallel = four.bytes(format);

        // THEN
        assertThat(parallel).isEqualTo(single);
        assertThat(single.length).isGreaterThan(1000);
    }
}
