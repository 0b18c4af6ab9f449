package io.github.rubric.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rubric.rules.Scorecards;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON, JSON lines and CSV reports of the bundled batch with one broken file. */
class ReportTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path folder;
    private static Report report;

    @BeforeAll
    static void score() {
        folder = Fixture.folder(dir);
        report = Report.of(Fixture.score(folder, 2));
    }

    @Test
    void jsonDocumentRanksWithTiesCountsPassesAndKeepsTheFailure() throws Exception {
        // GIVEN the bundled batch and a broken file

        // WHEN
        JsonNode root = JSON.readTree(report.json());

        // THEN
        assertThat(root.path("rubric").path("id").asText()).isEqualTo("social-affairs-bureau-branch-responsibility");
        JsonNode ranking = root.path("ranking");
        assertThat(ranking).hasSize(8);
        assertThat(List.of(ranking.get(2).path("rank").asInt(), ranking.get(3).path("rank").asInt(),
                ranking.get(4).path("rank").asInt())).containsExactly(3, 3, 5);
        assertThat(ranking.get(2).path("subject").path("name").asText()).isEqualTo("民政科党支部");
        assertThat(ranking.get(3).path("total").decimalValue()).isEqualByComparingTo("92");
        assertThat(ranking.get(1).path("rounds").path("SELF").decimalValue()).isEqualByComparingTo("98.5");
        assertThat(ranking.get(1).path("rounds").path("REVIEW").decimalValue()).isEqualByComparingTo("95.5");
        JsonNode summary = root.path("summary");
        assertThat(summary.path("passed").asInt()).isEqualTo(7);
        assertThat(summary.path("notPassed").asInt()).isEqualTo(1);
        assertThat(summary.path("failures").asInt()).isEqualTo(1);
        assertThat(summary.path("averageTotal").decimalValue()).isEqualByComparingTo("83.13");
        assertThat(summary.path("grades").get(0).path("count").asInt()).isEqualTo(4);
        assertThat(summary.path("distribution").get(9).path("count").asInt()).isEqualTo(4);
        assertThat(summary.path("itemAverages")).hasSize(19);
        JsonNode failure = root.path("failures").get(0);
        assertThat(failure.path("path").asText()).isEqualTo("meetings[0].date");
        assertThat(failure.path("line").asInt()).isEqualTo(5);
        assertThat(failure.path("message").asText())
                .startsWith(folder.resolve(Fixture.BROKEN_NAME) + ":5: meetings[0].date: ");
        assertThat(root.path("scorecards")).hasSize(9);
    }

    @Test
    void jsonDocumentsScorecardsReadBackAsTheScorecardsScored() throws Exception {
        // GIVEN the bundled batch and a broken file

        // WHEN
        JsonNode scorecards = JSON.readTree(report.json()).path("scorecards");

        // THEN
        for (int i = 0; i < scorecards.size(); i++) {
            assertThat(Scorecards.fromJson(scorecards.get(i).toString())).isEqualTo(report.result().scorecards().get(i));
        }
    }

    @Test
    void jsonLinesGiveOneLinePerSubjectInInputOrderThenTheRanking() throws Exception {
        // GIVEN the bundled batch and a broken file

        // WHEN
        List<String> lines = report.jsonLines().lines().toList();

        // THEN
        assertThat(lines).hasSize(11);
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("type").asText()).isEqualTo("scorecard");
        assertThat(first.path("scorecard").path("subject").path("name").asText()).isEqualTo("办公室党支部");
        JsonNode broken = JSON.readTree(lines.get(9));
        assertThat(broken.path("type").asText()).isEqualTo("failure");
        assertThat(broken.path("path").asText()).isEqualTo("meetings[0].date");
        JsonNode last = JSON.readTree(lines.get(10));
        assertThat(last.path("type").asText()).isEqualTo("ranking");
        assertThat(last.path("ranking").get(7).path("subject").path("name").asText()).isEqualTo("机关后勤党支部");
    }

    @Test
    void csvHasOneRowPerRankedSubjectWithItemScoresThenTheFailures() {
        // GIVEN the bundled batch and a broken file

        // WHEN
        List<String> rows = report.csv().lines().toList();

        // THEN
        assertThat(report.csv()).contains("\r\n");
        assertThat(rows).hasSize(1 + 8 + 1);
        assertThat(rows.get(0)).startsWith("status,rank,subjectId,subjectName,subjectType,periodStart,periodEnd,round,"
                + "total,passed,grade,selfTotal,bonus,item:1,item:2,").endsWith(",item:19,source,message");
        assertThat(rows.get(2)).startsWith("ranked,2,sab-education-branch,教育科党支部,PARTY_BRANCH,2024-01-01,2024-12-31,"
                + "REVIEW,95.5,true,优秀,98.5,0,5,5,6,5,5,5,5,6,8,3,5,5,5,5,5,6,2,4.5,5,");
        assertThat(rows.get(3)).startsWith("ranked,3,sab-civil-affairs-branch,");
        assertThat(rows.get(4)).startsWith("ranked,3,sab-human-resources-branch,");
        assertThat(rows.get(8)).startsWith("ranked,8,sab-logistics-branch,机关后勤党支部,PARTY_BRANCH,2024-01-01,2024-12-31,"
                + "REVIEW,53.5,false,不合格,,0,3,3,0,");
        Path broken = folder.resolve(Fixture.BROKEN_NAME);
        assertThat(rows.get(9)).startsWith("failed,,,,")
                .endsWith("," + broken + "," + broken + ":5: meetings[0].date: '2024-02-30' is not a date (YYYY-MM-DD)");
    }

    @Test
    void csvQuotesCellsWithCommasQuotesAndLineBreaks() {
        // GIVEN / WHEN / THEN
        assertThat(CsvReport.quote("plain")).isEqualTo("plain");
        assertThat(CsvReport.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReport.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void namesTheFormatOfAFileByItsExtension() {
        assertThat(Report.Format.of(Path.of("out/results.XLSX"))).isEqualTo(Report.Format.XLSX);
        assertThat(Report.Format.of(Path.of("a.jsonl"))).isEqualTo(Report.Format.JSON_LINES);
        assertThat(Report.Format.of(Path.of("a.json"))).isEqualTo(Report.Format.JSON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Report.Format.of(Path.of("a.pdf")))
                .hasMessage("cannot tell the report format of a.pdf: expected a name ending in .json, .jsonl, .csv, .xlsx, .html");
    }
}
