package io.github.rubric.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The HTML report of the bundled batch with one broken file: its content, and that Chromium renders it. */
class HtmlReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;

    private static String html;

    @BeforeAll
    static void write() {
        html = Report.of(Fixture.score(Fixture.folder(dir), 2)).html();
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    private static String section(String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void rankingTableHasARowPerSubjectWithTiesSharingARank() {
        // GIVEN the report

        // WHEN
        String ranking = section("ranking");
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*><td class=\"num\">(\\d+)</td><td><a href=\"#subject-\\d+\">([^<]+)</a>")
                .matcher(ranking);
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2));
        }

        // THEN
        assertThat(rows).containsExactly("1 办公室党支部", "2 教育科党支部", "3 民政科党支部", "3 人社科党支部",
                "5 体育科党支部", "6 统计科党支部", "7 规划科党支部", "8 机关后勤党支部");
        assertThat(ranking).contains("<td class=\"num\">98.5</td><td class=\"num\">95.5</td>");
        assertThat(ranking).contains("<tr class=\"fail\">");
    }

    @Test
    void showsEachSubjectsScoreSheetWithItsExplanationsAndTheFailure() {
        // GIVEN the report

        // WHEN
        String failures = section("failures");

        // THEN
        assertThat(count(html, "<section class=\"sheet\"")).isEqualTo(8);
        assertThat(html).contains("<th>项目</th><th>内容与要求</th><th class=\"num\">分值</th><th>考核标准</th>"
                + "<th class=\"num\">自查得分</th><th class=\"num\">复查得分</th><th>扣分说明</th>");
        assertThat(html).contains("<tr><td>10 党务公开</td>")
                .contains("<td class=\"num\">5</td><td class=\"num\">3</td><td class=\"explain\">-2 未实行党务公开，扣2分</td>");
        assertThat(failures).contains("meetings[0].date").contains(":5: meetings[0].date: &#39;2024-02-30&#39; is not a date");
    }

    @Test
    void drawsChartsAsInlineSvgAndNeedsNoNetwork() {
        // GIVEN the report

        // WHEN
        String summary = section("summary");

        // THEN
        assertThat(count(summary, "<svg ")).isEqualTo(2);
        assertThat(count(summary, "<rect class=\"bar")).isEqualTo(10 + 19);
        assertThat(summary).contains("<rect class=\"bar fail\"");
        assertThat(html).doesNotContain("<script", "<link", "src=", "url(", "@import");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
    }

    @Test
    void rendersInHeadlessChromiumWithItsChartsDrawn() throws Exception {
        // GIVEN
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + "; install it (apt-get install -y chromium) to check that the HTML report renders");
        Path page = Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
        Path png = dir.resolve("report.png");

        // WHEN
        int exit = chromium(png, page);

        // THEN
        assertThat(exit).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(pixels(image, 0x2f6f9f)).as("pixels of the chart bars").isGreaterThan(2_000);
        assertThat(pixels(image, 0xc2410c)).as("pixels of the failing bin").isGreaterThan(100);
    }

    static int chromium(Path png, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        ProcessBuilder builder = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,1400",
                "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s");
        }
        return process.exitValue();
    }

    /** Counts pixels within a small distance of a colour, so anti-aliased edges do not matter. */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int dr = ((p >> 16) & 0xff) - ((rgb >> 16) & 0xff);
                int dg = ((p >> 8) & 0xff) - ((rgb >> 8) & 0xff);
                int db = (p & 0xff) - (rgb & 0xff);
                if (dr * dr + dg * dg + db * db < 300) {
                    count++;
                }
            }
        }
        return count;
    }
}
