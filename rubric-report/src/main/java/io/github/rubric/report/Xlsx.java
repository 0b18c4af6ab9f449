package io.github.rubric.report;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.batch.Outcome;
import io.github.rubric.rules.batch.Ranking;
import io.github.rubric.rules.batch.Standing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel workbook: a ranking sheet (排名), a statistics sheet (统计), one score sheet per subject in ranking
 * order, named after the subject, in the shape of the rubric's form, and a sheet of failures (未能评分) when there
 * are any. The same batch gives the same bytes: entries carry a fixed date and no creation time. Points are numeric cells: Excel has no decimal type, and every point value of a rubric (halves,
 * hundredths) is shown exactly.
 */
final class Xlsx {
    /** The ranking sheet's name. */
    static final String RANKING = "排名";
    /** The statistics sheet's name. */
    static final String STATISTICS = "统计";
    /** The failures sheet's name. */
    static final String FAILURES = "未能评分";

    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle number;
    private final CellStyle bold;
    private final CellStyle boldNumber;
    private final Set<String> sheetNames = new HashSet<>();

    private Xlsx() {
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        text = bordered(workbook.createCellStyle());
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        number = bordered(workbook.createCellStyle());
        number.setAlignment(HorizontalAlignment.RIGHT);
        number.setVerticalAlignment(VerticalAlignment.TOP);
        header = bordered(workbook.createCellStyle());
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        bold = bordered(workbook.createCellStyle());
        bold.setFont(boldFont);
        bold.setWrapText(true);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        boldNumber = bordered(workbook.createCellStyle());
        boldNumber.setFont(boldFont);
        boldNumber.setAlignment(HorizontalAlignment.RIGHT);
        boldNumber.setVerticalAlignment(VerticalAlignment.TOP);
    }

    private static CellStyle bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    static void write(BatchResult result, Ranking ranking, OutputStream out) throws IOException {
        Xlsx xlsx = new Xlsx();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = xlsx.workbook) {
            xlsx.ranking(result, ranking);
            xlsx.statistics(result, ranking);
            for (Standing standing : ranking.standings()) {
                xlsx.sheet(ranking, standing);
            }
            if (!result.failures().isEmpty()) {
                xlsx.failures(result.failures());
            }
            POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
            core.setCreated(Optional.empty());
            core.setCreator("Rubric");
            core.setTitle(result.rubric().title());
            workbook.write(written);
        }
        reproducible(written.toByteArray(), out);
    }

    /**
     * Copies the workbook's zip with every entry dated 1980-01-01, the earliest a zip can say, instead of the
     * time of writing, so that the same batch gives the same bytes.
     */
    private static void reproducible(byte[] xlsx, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(EPOCH);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    private Sheet sheet(String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted.isBlank() ? "sheet" : wanted);
        String name = base;
        for (int n = 2; sheetNames.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        sheetNames.add(name.toLowerCase(Locale.ROOT));
        return workbook.createSheet(name);
    }

    private void ranking(BatchResult result, Ranking ranking) {
        Sheet sheet = sheet(RANKING);
        titled(sheet, result.rubric().title() + " 排名", 8);
        String[] headers = {"排名", "考核对象", "编号", "轮次", "自查得分", "总分", "等次", "结论", "来源"};
        headerRow(sheet, 1, headers);
        int r = 2;
        for (Standing standing : ranking.standings()) {
            Scorecard card = standing.scorecard();
            Row row = sheet.createRow(r++);
            number(row, 0, BigDecimal.valueOf(standing.rank()), number);
            text(row, 1, card.subject().name(), text);
            text(row, 2, card.subject().id(), text);
            text(row, 3, ScoreSheet.roundLabel(card.round()), text);
            number(row, 4, card.round().equals(Round.SELF.name()) ? null
                    : standing.round(Round.SELF).map(Scorecard::total).orElse(null), number);
            number(row, 5, card.total(), number);
            text(row, 6, card.grade(), text);
            text(row, 7, card.passed() == null ? "" : card.passed() ? "合格" : "不合格", text);
            text(row, 8, card.source(), text);
        }
        int[] widths = {6, 20, 28, 10, 10, 10, 8, 8, 60};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 2);
    }

    private void statistics(BatchResult result, Ranking ranking) {
        Sheet sheet = sheet(STATISTICS);
        titled(sheet, result.rubric().title() + " 统计", 3);
        int r = 2;
        r = pair(sheet, r, "参评对象", BigDecimal.valueOf(ranking.standings().size()));
        if (ranking.passLine().isPresent()) {
            r = pair(sheet, r, "合格线", ranking.passLine().get());
            r = pair(sheet, r, "合格", BigDecimal.valueOf(ranking.passedCount()));
            r = pair(sheet, r, "不合格", BigDecimal.valueOf(ranking.failedCount()));
        }
        r = pair(sheet, r, "平均分", ranking.averageTotal().orElse(null));
        r = pair(sheet, r, "未能评分", BigDecimal.valueOf(result.failures().size()));
        if (!ranking.grades().isEmpty()) {
            headerRow(sheet, ++r, new String[] {"等次", "最低分", "对象数"});
            r++;
            for (Ranking.GradeCount grade : ranking.grades()) {
                Row row = sheet.createRow(r++);
                text(row, 0, grade.name(), text);
                number(row, 1, grade.min(), number);
                number(row, 2, BigDecimal.valueOf(grade.count()), number);
            }
        }
        headerRow(sheet, ++r, new String[] {"分数段", "", "对象数"});
        r++;
        for (Ranking.Bin bin : ranking.distribution()) {
            Row row = sheet.createRow(r++);
            text(row, 0, bin.label() + (bin.closed() ? "" : "（不含" + Points.format(bin.to()) + "）"), text);
            text(row, 1, "", text);
            number(row, 2, BigDecimal.valueOf(bin.count()), number);
        }
        r = averages(sheet, r, "栏目", ranking.sectionAverages());
        averages(sheet, r, "项目", ranking.itemAverages());
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 12 * 256);
        sheet.setColumnWidth(2, 12 * 256);
    }

    private int averages(Sheet sheet, int r, String what, List<Ranking.Average> averages) {
        if (averages.isEmpty()) {
            return r;
        }
        headerRow(sheet, ++r, new String[] {what, "分值", "平均得分"});
        r++;
        for (Ranking.Average average : averages) {
            Row row = sheet.createRow(r++);
            text(row, 0, average.id().equals(average.title()) ? average.title() : average.id() + " " + average.title(), text);
            number(row, 1, average.maxPoints(), number);
            number(row, 2, average.average(), number);
        }
        return r;
    }

    private int pair(Sheet sheet, int r, String label, BigDecimal value) {
        Row row = sheet.createRow(r);
        text(row, 0, label, bold);
        number(row, 1, value, number);
        return r + 1;
    }

    private void sheet(Ranking ranking, Standing standing) {
        Scorecard card = standing.scorecard();
        ScoreSheet form = ScoreSheet.of(ranking.definition(), standing);
        Sheet sheet = sheet(card.subject().name());
        titled(sheet, ranking.rubric().title(), 6);
        Row info = sheet.createRow(1);
        info.createCell(0).setCellValue("考核对象：" + card.subject().name() + "（" + card.subject().id() + "）　考核期间："
                + card.periodStart() + " 至 " + card.periodEnd() + "　排名：" + standing.rank() + "　"
                + ScoreSheet.verdict(card));
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 6));
        headerRow(sheet, 2, new String[] {ScoreSheet.ITEM, ScoreSheet.REQUIREMENT, ScoreSheet.MAX_POINTS,
            ScoreSheet.CRITERIA, ScoreSheet.SELF, form.reviewHeader(), ScoreSheet.EXPLANATION});
        int r = 3;
        for (ScoreSheet.Row line : form.rows()) {
            boolean strong = line.kind() != ScoreSheet.Kind.ITEM;
            Row row = sheet.createRow(r++);
            text(row, 0, line.item(), strong ? bold : text);
            text(row, 1, line.requirement(), text);
            number(row, 2, line.maxPoints(), strong ? boldNumber : number);
            text(row, 3, line.criteria(), text);
            number(row, 4, line.self(), strong ? boldNumber : number);
            number(row, 5, line.review(), strong ? boldNumber : number);
            text(row, 6, line.explanation(), text);
        }
        int[] widths = {16, 40, 7, 36, 9, 9, 50};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(1, 3);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private void failures(List<Outcome.Failed> failures) {
        Sheet sheet = sheet(FAILURES);
        headerRow(sheet, 0, new String[] {"来源", "行", "字段", "问题"});
        int r = 1;
        for (Outcome.Failed failed : failures) {
            Row row = sheet.createRow(r++);
            text(row, 0, failed.source(), text);
            number(row, 1, failed.line() > 0 ? BigDecimal.valueOf(failed.line()) : null, number);
            text(row, 2, failed.path(), text);
            text(row, 3, failed.message(), text);
        }
        int[] widths = {50, 6, 30, 90};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private void titled(Sheet sheet, String text, int lastColumn) {
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
    }

    private void headerRow(Sheet sheet, int r, String[] labels) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < labels.length; i++) {
            text(row, i, labels[i], header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A numeric cell; the double is the nearest to the exact points, which Excel shows as written. */
    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }
}
