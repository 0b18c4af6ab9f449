package io.github.rubric.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook of the bundled batch with one broken file, read back with POI. */
class XlsxReportTest {
    @TempDir
    static Path dir;

    private static XSSFWorkbook workbook;

    @BeforeAll
    static void write() throws Exception {
        Report report = Report.of(Fixture.score(Fixture.folder(dir), 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.xlsx(out);
        workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @AfterAll
    static void close() throws Exception {
        workbook.close();
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static double number(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getNumericCellValue();
    }

    private static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row starts with " + first + " in " + sheet.getSheetName());
    }

    @Test
    void holdsARankingSheetStatisticsOneSheetPerSubjectAndTheFailures() {
        // GIVEN the workbook

        // WHEN
        List<String> names = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(sheet -> names.add(sheet.getSheetName()));

        // THEN
        assertThat(names).containsExactly("排名", "统计", "办公室党支部", "教育科党支部", "民政科党支部", "人社科党支部",
                "体育科党支部", "统计科党支部", "规划科党支部", "机关后勤党支部", "未能评分");
    }

    @Test
    void rankingSheetListsRanksWithTiesTotalsAndSelfAssessments() {
        // GIVEN
        Sheet ranking = workbook.getSheet("排名");

        // WHEN / THEN
        assertThat(text(ranking, 1, 0)).isEqualTo("排名");
        assertThat(text(ranking, 1, 4)).isEqualTo("自查得分");
        assertThat(number(ranking, 2, 0)).isEqualTo(1);
        assertThat(text(ranking, 2, 1)).isEqualTo("办公室党支部");
        assertThat(number(ranking, 2, 5)).isEqualTo(100);
        assertThat(number(ranking, 3, 4)).isEqualTo(98.5);
        assertThat(number(ranking, 3, 5)).isEqualTo(95.5);
        assertThat(List.of(number(ranking, 4, 0), number(ranking, 5, 0), number(ranking, 6, 0))).containsExactly(3.0, 3.0, 5.0);
        assertThat(text(ranking, 9, 1)).isEqualTo("机关后勤党支部");
        assertThat(text(ranking, 9, 7)).isEqualTo("不合格");
        assertThat(ranking.getRow(2).getCell(4).getCellType()).isEqualTo(CellType.BLANK);
    }

    @Test
    void subjectSheetHasTheFormsColumnsWithSelfAndReviewScoresAndExplanations() {
        // GIVEN
        Sheet education = workbook.getSheet("教育科党支部");

        // WHEN
        Row header = education.getRow(2);
        Row disclosure = rowStartingWith(education, "10 党务公开");
        Row total = rowStartingWith(education, "总分");

        // THEN
        List<String> headers = new ArrayList<>();
        header.forEach(cell -> headers.add(cell.getStringCellValue()));
        assertThat(headers).containsExactly("项目", "内容与要求", "分值", "考核标准", "自查得分", "复查得分", "扣分说明");
        assertThat(text(education, 3, 0)).isEqualTo("1 班子建设");
        assertThat(text(education, 3, 1)).startsWith("党组织班子健全");
        assertThat(text(education, 3, 3)).isEqualTo("党组织班子不健全或超期换届的扣1分；班子成员有反映不团结的扣1分");
        assertThat(disclosure.getCell(2).getNumericCellValue()).isEqualTo(5);
        assertThat(disclosure.getCell(4).getNumericCellValue()).isEqualTo(5);
        assertThat(disclosure.getCell(5).getNumericCellValue()).isEqualTo(3);
        assertThat(disclosure.getCell(6).getStringCellValue()).isEqualTo("-2 未实行党务公开，扣2分");
        assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(98.5);
        assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(95.5);
        assertThat(total.getCell(6).getStringCellValue()).isEqualTo("合格  等次：优秀");
    }

    @Test
    void subjectWithOnlyAReviewLeavesTheSelfColumnEmpty() {
        // GIVEN
        Sheet sports = workbook.getSheet("体育科党支部");

        // WHEN
        Row information = rowStartingWith(sports, "18 党建信息");

        // THEN
        assertThat(information.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(information.getCell(5).getNumericCellValue()).isEqualTo(1.5);
        assertThat(information.getCell(6).getStringCellValue()).startsWith("-4.5 组织人事处收到并转发的党建信息1篇");
    }

    @Test
    void statisticsAndFailuresSheetsSayWhatWasCountedAndWhatFailed() {
        // GIVEN
        Sheet statistics = workbook.getSheet("统计");
        Sheet failures = workbook.getSheet("未能评分");

        // WHEN / THEN
        assertThat(rowStartingWith(statistics, "合格").getCell(1).getNumericCellValue()).isEqualTo(7);
        assertThat(rowStartingWith(statistics, "不合格").getCell(1).getNumericCellValue()).isEqualTo(1);
        assertThat(rowStartingWith(statistics, "平均分").getCell(1).getNumericCellValue()).isEqualTo(83.13);
        assertThat(rowStartingWith(statistics, "良好").getCell(2).getNumericCellValue()).isEqualTo(1);
        assertThat(rowStartingWith(statistics, "90–100").getCell(2).getNumericCellValue()).isEqualTo(4);
        assertThat(rowStartingWith(statistics, "18 党建信息").getCell(2).getNumericCellValue()).isEqualTo(3);
        assertThat(text(failures, 1, 0)).endsWith(Fixture.BROKEN_NAME);
        assertThat(number(failures, 1, 1)).isEqualTo(5);
        assertThat(text(failures, 1, 2)).isEqualTo("meetings[0].date");
    }
}
