package io.github.rubric.report;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
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
    @EnumSource(value = Report.Format.class, names = {"JSON", "JSON_LINES", "CSV", "HTML"})
    void writesByteIdenticalTextReportsWithOneAndFourThreads(Report.Format format) {
        // GIVEN
        score();

        // WHEN
        byte[] single = one.bytes(format);
        byte[] parallel = four.bytes(format);

        // THEN
        assertThat(parallel).isEqualTo(single);
        assertThat(single.length).isGreaterThan(1000);
    }

    @Test
    void writesWorkbooksWithTheSameCellsWithOneAndFourThreads() throws Exception {
        // GIVEN
        score();

        // WHEN
        List<String> single = cells(one.bytes(Report.Format.XLSX));
        List<String> parallel = cells(four.bytes(Report.Format.XLSX));

        // THEN
        assertThat(parallel).isEqualTo(single);
        assertThat(single).hasSizeGreaterThan(500);
    }

    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                    cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + formatter.formatCellValue(cell)))));
        }
        return cells;
    }
}
